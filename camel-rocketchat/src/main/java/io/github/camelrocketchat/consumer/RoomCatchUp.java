package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.session.StreamDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * How a room message consumer gets back what it did not receive live: after a reconnect (once every part of its
 * subscription resumed), after a backlog it left to the server (its queue was full), at start from a stored cursor
 * or {@code since}, and again after a failed gap-fill. A gap-fill asks the session for the room's
 * {@link io.github.camelrocketchat.session.RocketChatSession#missedEvents missed events} since the mark and puts them,
 * oldest first, ahead of every queued live event; {@link RoomMarks} removes the overlap.
 *
 * <p>Why nothing is lost: a live event is left out (deferred) only while a gap-fill is still to be asked, and the
 * server stored that message before it sent the event, so the answer holds it. Why the order holds: the replay runs
 * before the live events queued behind the gap-fill; after a failure live events are deferred until a retry
 * succeeds (on the next resume, or after a backoff delay).
 *
 * <p>Threads: {@link #admit()} and {@link #queueFull()} run on the DDP callback thread; the rest in delivery steps.
 */
final class RoomCatchUp {
    /** Delivers one replayed event, then calls {@code done}. */
    @FunctionalInterface
    interface Replay {
        void deliver(StreamDelivery event, Runnable done);
    }

    private final String roomId;
    private final RoomMarks marks;
    private final BiFunction<String, Instant, CompletableFuture<List<StreamDelivery>>> missed;
    private final ConsumerDelivery delivery;
    private final Replay replay;
    private final BiConsumer<String, Throwable> report;
    private final Duration retryMin;
    private final Duration retryMax;
    /** Set on the DDP thread (queue full) or by a failed gap-fill; cleared when a gap-fill starts. */
    private final AtomicBoolean behind = new AtomicBoolean();
    private final AtomicLong deferred = new AtomicLong();
    /** Written in delivery steps, read by health checks. */
    private volatile long gapFills;
    private volatile long failures;
    private volatile long replayed;
    private volatile String problem;
    /** Delivery steps only: parts interrupted and not yet resumed; failed gap-fills in a row. */
    private final Set<Integer> away = new HashSet<>();
    private int failuresInRow;

    /**
     * @param missed   the session's {@code missedEvents(roomId, since)}
     * @param report   the consumer's ExceptionHandler (called in a delivery step)
     * @param retryMin the first retry delay after a failed gap-fill; doubled up to {@code retryMax}
     */
    RoomCatchUp(String roomId, RoomMarks marks, BiFunction<String, Instant, CompletableFuture<List<StreamDelivery>>> missed,
                ConsumerDelivery delivery, Replay replay, BiConsumer<String, Throwable> report, Duration retryMin, Duration retryMax) {
        this.roomId = roomId;
        this.marks = marks;
        this.missed = missed;
        this.delivery = delivery;
        this.replay = replay;
        this.report = report;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
    }

    RoomMarks marks() {
        return marks;
    }

    /** DDP thread: false when the live event is left to the coming gap-fill (the consumer is behind). */
    boolean admit() {
        if (behind.get()) {
            deferred.incrementAndGet();
            return false;
        }
        return true;
    }

    /** DDP thread: the queue refused a live event; the rest of the backlog comes from a gap-fill once it drained. */
    void queueFull() {
        deferred.incrementAndGet();
        if (behind.compareAndSet(false, true)) {
            delivery.add(done -> fill("backlog", done));
        }
    }

    /** A live event reached the delivery steps while a part is interrupted: the gap-fill at the resume brings it. */
    boolean deferWhileAway() {
        if (away.isEmpty()) {
            return false;
        }
        deferred.incrementAndGet();
        return true;
    }

    void interrupted(int part, Runnable done) {
        away.add(part);
        done.run();
    }

    /** A part resumed; when it was the last one away, gap-fill. */
    void resumed(int part, Runnable done) {
        if (away.remove(part) && away.isEmpty()) {
            fill("reconnect", done);
        } else {
            done.run();
        }
    }

    /** The first step of a consumer with a stored cursor or {@code since}: gap-fill once {@code subscribed} completes. */
    void fillAtStart(CompletableFuture<?> subscribed, Runnable done) {
        subscribed.whenComplete((v, e) -> {
            if (e == null) {
                fill("start", done);
            } else {
                done.run();
            }
        });
    }

    private void retry(Runnable done) {
        if (problem != null && away.isEmpty()) {
            fill("retry", done);
        } else {
            done.run();
        }
    }

    /** Asks for what was missed since the mark and puts it ahead of the queue; live events queue behind it meanwhile. */
    void fill(String why, Runnable done) {
        behind.set(false);
        gapFills++;
        Instant from = marks.fillFrom();
        CompletableFuture<List<StreamDelivery>> answer;
        try {
            answer = missed.apply(roomId, from);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((events, error) -> {
            List<ConsumerDelivery.Step> next = new ArrayList<>();
            if (error != null) {
                next.add(d -> failed(why, from, error, d));
            } else {
                for (StreamDelivery e : events) {
                    next.add(d -> replay.deliver(e, d));
                }
                next.add(this::filled);
            }
            delivery.pushFront(next);
            done.run();
        });
    }

    private void filled(Runnable done) {
        problem = null;
        failuresInRow = 0;
        done.run();
    }

    private void failed(String why, Instant from, Throwable error, Runnable done) {
        failures++;
        failuresInRow++;
        behind.set(true);
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        problem = cause.getMessage();
        long delay = Math.min(retryMax.toMillis(), retryMin.toMillis() << Math.min(failuresInRow - 1, 20));
        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> delivery.add(this::retry));
        try {
            report.accept("Gap-fill (" + why + ") of room " + roomId + " since " + from + " failed; live messages wait for a retry "
                    + "(at the next reconnect or in " + delay + " ms) from the same mark", cause);
        } finally {
            done.run();
        }
    }

    /** A replayed exchange was delivered. */
    void countReplayed() {
        replayed++;
    }

    boolean isBehind() {
        return behind.get();
    }

    long deferred() {
        return deferred.get();
    }

    long gapFills() {
        return gapFills;
    }

    long failures() {
        return failures;
    }

    long replayed() {
        return replayed;
    }

    /** The last failure while no retry succeeded yet, or null. */
    String problem() {
        return problem;
    }

    Instant mark() {
        return marks.mark();
    }
}
