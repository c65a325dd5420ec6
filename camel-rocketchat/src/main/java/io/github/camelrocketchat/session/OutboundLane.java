package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.Scheduler;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The calls of one method on their way out of one session, in the order they were made. Mutable state is guarded
 * by the owning {@link OutboundCalls}; only {@link #tail} belongs to whichever thread drains the lane.
 */
final class OutboundLane {
    /** Calls waiting to be sent, by sequence number: a refused call goes back in its place, before later ones. */
    final TreeMap<Long, OutboundCall> waiting = new TreeMap<>();
    /** Released calls that wait to be handed to the transport, in order. */
    final ArrayDeque<OutboundCall> outbox = new ArrayDeque<>();
    /** Send times per client-side rate, oldest first. */
    final Map<CallRate, ArrayDeque<Long>> sent = new HashMap<>();
    int inFlight;
    /**
     * Set by a rate-limit refusal: one call in flight at a time, so that a refused call is retried before any later
     * one goes out and a burst costs one refusal per window instead of one per call. Cleared when the lane empties.
     */
    boolean careful;
    /** Clock millis before which nothing is sent (the server asked to wait). */
    long pausedUntil;
    boolean draining;
    Scheduler.Cancellable wake;
    long wakeAt;
    /** Completes once the previous call was handed to its transport: keeps hand-overs in order. */
    CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    /** When the first waiting call may go under {@code rate}: {@code now}, or when the oldest send leaves the window. */
    long freeSlot(CallRate rate, long now) {
        if (rate == null) {
            return now;
        }
        ArrayDeque<Long> times = sent.get(rate);
        if (times == null) {
            return now;
        }
        long window = rate.per().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= now - window) {
            times.pollFirst();
        }
        return times.size() < rate.calls() ? now : times.peekFirst() + window;
    }

    void recordSend(CallRate rate, long now) {
        if (rate != null) {
            sent.computeIfAbsent(rate, r -> new ArrayDeque<>()).addLast(now);
        }
    }
}
