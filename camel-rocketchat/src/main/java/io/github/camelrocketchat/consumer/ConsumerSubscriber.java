package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.session.CombinedRegistration;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.StreamRegistration;
import io.github.camelrocketchat.support.Awaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription parts of one consumer on its session: the stream, presence or publication it names, and for a
 * room message consumer of one room also the room's hard deletion events ({@code stream-notify-room}
 * {@code <rid>/deleteMessage} and {@code <rid>/deleteMessageBulk}), held as one {@link CombinedRegistration}.
 */
final class ConsumerSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerSubscriber.class);
    private static final String NOTIFY_ROOM = "stream-notify-room";

    private final ConsumerTarget target;
    private final RocketChatSession session;
    private final String roomId;
    private final Set<MessageEvent> messageEvents;
    private final List<String> deletionEvents;

    ConsumerSubscriber(ConsumerTarget target, RocketChatConfiguration c, RocketChatSession session, String roomId) {
        this.target = target;
        this.session = session;
        this.roomId = roomId;
        this.messageEvents = MessageEvent.parseList(c.getMessageEvents());
        this.deletionEvents = messageEvents.contains(MessageEvent.DELETED) ? target.hardDeletionEvents(roomId) : List.of();
    }

    Set<MessageEvent> messageEvents() {
        return messageEvents;
    }

    /** True when the consumer receives its room's hard deletion events (and so gets them from gap-fills too). */
    boolean hasHardDeletions() {
        return !deletionEvents.isEmpty();
    }

    /** The room id or {@code __my_messages__} of a room message consumer, else null. */
    String roomMessages() {
        return target.roomMessagesOf(roomId);
    }

    /** Registers every part (before waiting on any, so that no deletion is missed between two readies). */
    StreamRegistration subscribe(ConsumerFlow flow) {
        StreamRegistration main = switch (target.kind()) {
            case STREAM -> session.subscribeStream(target.name(), eventName(),
                    roomMessages() != null ? flow.roomSink(0) : flow.streamSink());
            case PRESENCE -> session.subscribePresence(target.userIds(), flow.streamSink());
            case PUBLICATION -> session.subscribePublication(target.name(), target.params(), target.collection(),
                    flow.publicationSink(target.name()));
        };
        if (deletionEvents.isEmpty()) {
            return main;
        }
        List<StreamRegistration> parts = new ArrayList<>(List.of(main));
        try {
            for (int i = 0; i < deletionEvents.size(); i++) {
                parts.add(session.subscribeStream(NOTIFY_ROOM, deletionEvents.get(i), flow.roomSink(i + 1)));
            }
        } catch (RuntimeException e) {
            parts.forEach(StreamRegistration::close);
            throw e;
        }
        return new CombinedRegistration(parts);
    }

    /**
     * Completes when every part is ready (and logs it); fails with an exception that names {@code who} (the route)
     * and the part the server refused. Never times out by itself: the caller bounds the wait.
     */
    CompletableFuture<Void> ready(StreamRegistration registration, String who) {
        List<StreamRegistration> parts = registration instanceof CombinedRegistration combined ? combined.parts() : List.of(registration);
        // every part was sent already; waiting in part order only decides which refusal names the failure
        CompletableFuture<Void> all = named(parts.get(0).ready(), "The server refused the subscription of " + who + " to " + describe());
        for (int i = 1; i < parts.size(); i++) {
            StreamRegistration part = parts.get(i);
            String what = "The server refused the subscription of " + who + " to " + NOTIFY_ROOM + " " + deletionEvents.get(i - 1)
                    + ", which carries the hard deletions of room " + roomId + " (leave deleted out of messageEvents to do without)";
            all = all.thenCompose(v -> named(part.ready(), what));
        }
        return all.thenRun(() -> LOG.info("Subscribed to {} on {}{}", describe(), session.key().describe(), deletionEvents.isEmpty()
                ? "" : " (hard deletions from " + NOTIFY_ROOM + " " + String.join(", ", deletionEvents) + ")"));
    }

    private static CompletableFuture<Void> named(CompletableFuture<Void> ready, String what) {
        return ready.handle((v, e) -> {
            if (e != null) {
                throw Awaits.failure(what, e);
            }
            return v;
        });
    }

    /** What this consumer subscribes to, without params (they may hold a token). */
    String description() {
        return describe();
    }

    private String eventName() {
        return target.eventName(roomId, session.userId());
    }

    private String describe() {
        return switch (target.kind()) {
            case STREAM -> target.name() + " " + eventName();
            case PRESENCE -> target.name() + " for " + target.userIds();
            // the params themselves stay out of logs and messages: a publication may take a token
            case PUBLICATION -> target.name() + " with " + target.params().size() + " param(s)" + (target.collection() == null ? " (every collection)" : " (collection " + target.collection() + ")");
        };
    }
}
