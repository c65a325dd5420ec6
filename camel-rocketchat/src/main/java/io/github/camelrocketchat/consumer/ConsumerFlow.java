package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.session.PublicationChange;
import io.github.camelrocketchat.session.SessionException;
import io.github.camelrocketchat.session.StreamDelivery;
import io.github.camelrocketchat.session.SubscriptionSink;
import io.github.camelrocketchat.support.RocketChatErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * What a consumer does with each event and signal of its subscription: the sinks queue them on the
 * {@link ConsumerDelivery} (and return at once, on the DDP callback thread); the steps, one at a time on the delivery
 * executor, classify and filter room messages, remove gap-fill overlap, run the exchange and move the cursor.
 *
 * <p>A full queue: a room message consumer with gap-fill leaves the backlog to the server ({@link RoomCatchUp});
 * every other stream sheds the event ({@link ShedEvents}).
 */
final class ConsumerFlow {
    /** The Camel side: creates an exchange, lets {@code fill} set body and headers, runs the route; {@code done} when it completed. */
    @FunctionalInterface
    interface Exchanges {
        void deliver(Consumer<Exchange> fill, Runnable done);
    }

    /** The options that shape delivery. */
    record Options(Set<MessageEvent> messageEvents, boolean skipOwnMessages, Supplier<String> ownUserId, boolean hardDeletions) {
    }

    private final ConsumerDelivery delivery;
    private final Exchanges out;
    private final BiConsumer<String, Throwable> report;
    private final ConsumerBinding binding;
    private final MessageEventClassifier classifier;
    private final Options options;
    private final ShedEvents shed;
    private final Clock clock;
    /** Set after construction (it needs this flow's replay), before any event; null without gap-fill. */
    private volatile RoomCatchUp catchUp;
    /** Written in delivery steps, read by health checks. */
    private volatile Instant lastEventAt;
    private volatile String ended;
    /**
     * Set (by the exchange callback, before its {@code done}) once Camel refused an exchange: the message never reached
     * the route, so the durable cursor must not move past it. Never cleared: a refusal means the route is stopping.
     */
    private volatile boolean cursorHeld;

    /** @param report the consumer's ExceptionHandler; called in delivery steps only */
    ConsumerFlow(ConsumerDelivery delivery, Exchanges out, BiConsumer<String, Throwable> report, ConsumerBinding binding,
                 MessageEventClassifier classifier, Options options, ShedEvents shed, Clock clock) {
        this.delivery = delivery;
        this.out = out;
        this.report = report;
        this.binding = binding;
        this.classifier = classifier;
        this.options = options;
        this.shed = shed;
        this.clock = clock;
    }

    void useCatchUp(RoomCatchUp c) {
        this.catchUp = c;
    }

    /** Replays one gap-fill event (a {@link RoomCatchUp.Replay}). */
    void replay(StreamDelivery d, Runnable done) {
        if (d.body() instanceof ChatMessage m) {
            message(d, m, true, done);
        } else if (options.hardDeletions()) {
            hardDeletion(d, true, done);
        } else {
            done.run();
        }
    }

    /** The sink of part {@code part} of a room message consumer (0: the messages, then its hard deletion events). */
    SubscriptionSink<StreamDelivery> roomSink(int part) {
        return new FlowSink<>(d -> {
            if (catchUp != null && !catchUp.admit()) {
                return;
            }
            if (!delivery.offerEvent(done -> roomEvent(d, done))) {
                if (catchUp != null) {
                    catchUp.queueFull();
                } else {
                    shed.shed();
                }
            }
        }, () -> signal(done -> catchUp.interrupted(part, done)), () -> signal(done -> catchUp.resumed(part, done)), this::ended);
    }

    /** The sink of any other stream. */
    SubscriptionSink<StreamDelivery> streamSink() {
        return new FlowSink<>(d -> offerOrShed(done -> streamEvent(d, done)), () -> { }, () -> { }, this::ended);
    }

    SubscriptionSink<PublicationChange> publicationSink(String publication) {
        return new FlowSink<>(c -> offerOrShed(done -> {
            lastEventAt = clock.instant();
            out.deliver(e -> binding.fillPublicationExchange(e, publication, c), done);
        }), () -> { }, () -> { }, this::ended);
    }

    /** The session gave up reconnecting: report (once) in a delivery step, then {@code then} (stop the route). */
    void gaveUp(SessionException error, Runnable then) {
        delivery.add(done -> {
            try {
                end(error);
            } finally {
                done.run();
                then.run();
            }
        });
    }

    private void signal(ConsumerDelivery.Step step) {
        if (catchUp != null) {
            delivery.add(step);
        }
    }

    private void offerOrShed(ConsumerDelivery.Step step) {
        if (!delivery.offerEvent(step)) {
            shed.shed();
        }
    }

    private void ended(SessionException error) {
        delivery.add(done -> {
            try {
                end(error);
            } finally {
                done.run();
            }
        });
    }

    private void end(SessionException error) {
        if (ended != null) {
            return;
        }
        ended = error.getMessage();
        report.accept("The Rocket.Chat subscription ended: this consumer receives nothing more", RocketChatErrors.map(error, null));
    }

    private void roomEvent(StreamDelivery d, Runnable done) {
        lastEventAt = clock.instant();
        if (catchUp != null && catchUp.deferWhileAway()) {
            done.run();
        } else if (d.body() instanceof ChatMessage m) {
            message(d, m, false, done);
        } else {
            hardDeletion(d, false, done);
        }
    }

    private void message(StreamDelivery d, ChatMessage m, boolean replayed, Runnable done) {
        if (cursorHeld) {
            // the route refused an earlier message: it would refuse this one too, and the next start delivers both
            done.run();
            return;
        }
        RoomMarks marks = catchUp == null ? null : catchUp.marks();
        Runnable finish = done;
        if (marks != null) {
            if (marks.isRepeat(m, replayed)) {
                done.run();
                return;
            }
            marks.processed(m, replayed);
            // the cursor moves in a step of its own, so that the repository is written on the delivery executor
            finish = () -> {
                delivery.pushFront(List.of(this::storeCursor));
                done.run();
            };
        }
        String own = options.ownUserId().get();
        if (options.skipOwnMessages() && own != null && own.equals(m.authorId())) {
            finish.run();
            return;
        }
        MessageEvent event = classifier.classify(m);
        if (event == null || !options.messageEvents().contains(event)) {
            finish.run();
            return;
        }
        if (replayed) {
            catchUp.countReplayed();
        }
        out.deliver(e -> binding.fillStreamExchange(e, d, event, replayed), finish);
    }

    /**
     * Camel refused an exchange (RejectedExecutionException: its route is stopping): from now on the cursor stays where
     * it is and no further room message is delivered, so the next start (or the next leader) delivers the refused
     * message and what followed it.
     */
    void holdCursor() {
        cursorHeld = true;
    }

    private void storeCursor(Runnable done) {
        try {
            if (cursorHeld) {
                return;
            }
            catchUp.marks().store();
        } catch (RuntimeException e) {
            report.accept("Cannot store the cursor of this consumer in its stateRepository", e);
        } finally {
            done.run();
        }
    }

    /** A hard deletion event may name several messages: one exchange each, ahead of the queue, in order. */
    private void hardDeletion(StreamDelivery d, boolean replayed, Runnable done) {
        List<ConsumerDelivery.Step> steps = new ArrayList<>();
        for (Object body : binding.hardDeletionBodies(d)) {
            if (body instanceof DeletedMessage x && catchUp != null && catchUp.marks().deletedBefore(x.messageId())) {
                continue;
            }
            if (replayed) {
                steps.add(s -> {
                    catchUp.countReplayed();
                    s.run();
                });
            }
            steps.add(s -> out.deliver(e -> binding.fillHardDeletionExchange(e, d, body, replayed), s));
        }
        delivery.pushFront(steps);
        done.run();
    }

    private void streamEvent(StreamDelivery d, Runnable done) {
        lastEventAt = clock.instant();
        MessageEvent event = d.body() instanceof DeletedMessage ? MessageEvent.DELETED : null;
        if (event != null && !options.messageEvents().contains(event)) {
            done.run();
            return;
        }
        out.deliver(e -> binding.fillStreamExchange(e, d, event, false), done);
    }

    /** A snapshot for the health check. */
    ConsumerStatus status() {
        RoomCatchUp c = catchUp;
        return new ConsumerStatus(ended, c == null ? null : c.problem(), c != null && c.isBehind(), lastEventAt,
                c == null ? 0 : c.replayed(), c == null ? 0 : c.gapFills(), c == null ? 0 : c.failures(),
                c == null ? 0 : c.deferred(), shed.count(), delivery.queuedEvents(), delivery.peakQueuedEvents(),
                c == null ? null : c.marks().mark());
    }
}
