package io.github.camelrocketchat.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * The session's outbound queue: every call goes through here, in order per method. It holds calls while the server's
 * rate limiter asks to wait (and retries refused calls in their place), keeps a method under a client-side
 * {@link CallRate}, and bounds how many calls may wait ({@code maxPendingCalls}): calls waiting in a lane, plus,
 * while the connection is down, calls handed to the DDP client that wait for it to come back.
 *
 * <p>Thread-safety: any thread. State is guarded by {@code this}; transports are called outside the lock, by one
 * thread per lane at a time, in sequence order.
 */
final class OutboundCalls {
    /** Hands a call to its transport. */
    interface Sender {
        /**
         * @return {@code handedOver} completes once the next call may be handed over without overtaking this one
         *         (a DDP frame is queued; a REST request has been answered), {@code result} with the answer
         */
        Sent send(RocketChatCall call, CallPolicy policy);
    }

    record Sent(CompletableFuture<?> handedOver, CompletableFuture<Object> result) {
    }

    /** Used when a refusal names no wait. */
    private static final long DEFAULT_RETRY_MS = 1000;

    private final String server;
    private final int maxPending;
    private final Clock clock;
    private final SessionTimer timer;
    private final DoubleSupplier random;
    private final BooleanSupplier connected;
    private final Sender sender;
    private final Map<String, OutboundLane> lanes = new HashMap<>();
    private long nextSeq;
    private int waitingTotal;
    private int inFlightTotal;
    private long refusals;
    private long rejected;
    private SessionException closed;

    OutboundCalls(String server, int maxPending, Clock clock, SessionTimer timer, DoubleSupplier random,
                  BooleanSupplier connected, Sender sender) {
        this.server = server;
        this.maxPending = maxPending;
        this.clock = clock;
        this.timer = timer;
        this.random = random;
        this.connected = connected;
        this.sender = sender;
    }

    CompletableFuture<Object> submit(RocketChatCall call, CallPolicy policy) {
        OutboundLane lane;
        OutboundCall c;
        synchronized (this) {
            if (closed != null) {
                return CompletableFuture.failedFuture(closed);
            }
            int pending = waitingTotal + (connected.getAsBoolean() ? 0 : inFlightTotal);
            if (pending >= maxPending) {
                rejected++;
                return CompletableFuture.failedFuture(new SessionException(SessionException.Kind.CONNECTION_CLOSED,
                        call.method() + " refused: " + pending + " calls already wait to be sent on the Rocket.Chat session "
                                + server + " (maxPendingCalls=" + maxPending + ")"
                                + (connected.getAsBoolean() ? "" : "; the connection is down and being restored"),
                        "pending-calls-full", null, null, call.method(), null));
            }
            lane = lanes.computeIfAbsent(call.method(), m -> new OutboundLane());
            c = new OutboundCall(nextSeq++, call, policy);
            lane.waiting.put(c.seq, c);
            waitingTotal++;
            release(lane);
        }
        drain(lane);
        return c.future;
    }

    /** Fails every waiting call with {@code error} and every later one (the session ended). */
    void close(SessionException error) {
        List<OutboundCall> failed = new ArrayList<>();
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = error;
            for (OutboundLane lane : lanes.values()) {
                failed.addAll(lane.waiting.values());
                lane.waiting.clear();
                if (lane.wake != null) {
                    lane.wake.cancel();
                }
            }
            waitingTotal = 0;
        }
        failed.forEach(c -> c.future.completeExceptionally(error));
    }

    /** A snapshot of the queue. */
    synchronized OutboundStatus status() {
        return new OutboundStatus(waitingTotal, refusals, rejected, inFlightTotal);
    }

    /** Calls waiting in lanes (not yet handed to a transport). */
    synchronized int waiting() {
        return waitingTotal;
    }

    /** Rate-limit refusals the session waited out and retried. */
    synchronized long rateLimitRefusals() {
        return refusals;
    }

    /** Calls refused because {@code maxPendingCalls} were already waiting. */
    synchronized long rejectedCalls() {
        return rejected;
    }

    /** Moves the calls that may go now to the outbox; arranges a wake-up for the rest. Holds the lock. */
    private void release(OutboundLane lane) {
        if (lane.careful && lane.inFlight > 0) {
            // the wait starts once every call of the burst is back: all of them were refused in the same window
            return;
        }
        long now = clock.millis();
        if (now < lane.pausedUntil) {
            wakeAt(lane, lane.pausedUntil, now);
            return;
        }
        while (!lane.waiting.isEmpty() && !(lane.careful && lane.inFlight > 0)) {
            OutboundCall head = lane.waiting.firstEntry().getValue();
            long slot = lane.freeSlot(head.policy.rate(), now);
            if (slot > now) {
                wakeAt(lane, slot, now);
                return;
            }
            lane.waiting.pollFirstEntry();
            waitingTotal--;
            lane.recordSend(head.policy.rate(), now);
            head.sentAlone = lane.careful;
            lane.inFlight++;
            inFlightTotal++;
            lane.outbox.addLast(head);
        }
    }

    private void wakeAt(OutboundLane lane, long at, long now) {
        if (lane.wake != null && lane.wakeAt <= at) {
            return;
        }
        if (lane.wake != null) {
            lane.wake.cancel();
        }
        lane.wakeAt = at;
        lane.wake = timer.schedule(Duration.ofMillis(at - now), () -> {
            synchronized (this) {
                lane.wake = null;
                if (closed != null) {
                    return;
                }
                release(lane);
            }
            drain(lane);
        });
    }

    /** Hands the outbox to the transports, one thread per lane at a time so that the order holds. */
    private void drain(OutboundLane lane) {
        synchronized (this) {
            if (lane.draining) {
                return;
            }
            lane.draining = true;
        }
        while (true) {
            OutboundCall c;
            synchronized (this) {
                c = lane.outbox.pollFirst();
                if (c == null) {
                    lane.draining = false;
                    return;
                }
            }
            lane.tail = lane.tail.thenCompose(v -> handOver(lane, c));
        }
    }

    private CompletableFuture<Void> handOver(OutboundLane lane, OutboundCall c) {
        Sent sent;
        try {
            sent = sender.send(c.call, c.policy);
        } catch (RuntimeException e) {
            sent = new Sent(CompletableFuture.completedFuture(null), CompletableFuture.failedFuture(e));
        }
        sent.result().whenComplete((result, error) -> done(lane, c, result, error));
        return sent.handedOver().handle((v, e) -> null);
    }

    private void done(OutboundLane lane, OutboundCall c, Object result, Throwable error) {
        boolean again = false;
        synchronized (this) {
            lane.inFlight--;
            inFlightTotal--;
            SessionException s = error == null ? null : SessionErrors.of(error, c.call.method());
            if (s != null && s.kind() == SessionException.Kind.RATE_LIMITED && closed == null) {
                long wait = retryAfterMillis(s);
                long budget = c.policy.rateLimitMaxWait().toMillis();
                if (wait <= budget && (!c.sentAlone || c.rateWaited + wait <= budget)) {
                    if (c.sentAlone) {
                        c.rateWaited += wait;
                    }
                    long now = clock.millis();
                    lane.pausedUntil = Math.max(lane.pausedUntil, now + wait + jitter(wait));
                    lane.careful = true;
                    lane.waiting.put(c.seq, c);
                    waitingTotal++;
                    refusals++;
                    again = true;
                }
            } else if (s != null && (s.kind() == SessionException.Kind.CONNECTION_CLOSED || s.kind() == SessionException.Kind.TIMEOUT)) {
                // not the limiter: waiting calls go to the DDP client, which holds them for the connection in parallel
                lane.careful = false;
            }
            if (lane.waiting.isEmpty() && lane.inFlight == 0) {
                lane.careful = false;
            }
            if (closed == null) {
                release(lane);
            }
        }
        if (!again) {
            if (error != null) {
                c.future.completeExceptionally(error instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : error);
            } else {
                c.future.complete(result);
            }
        }
        drain(lane);
    }

    private static long retryAfterMillis(SessionException s) {
        return s.details().get("timeToReset") instanceof Number n && n.longValue() >= 0 ? n.longValue() : DEFAULT_RETRY_MS;
    }

    /** Up to a tenth of the wait (at most a second, at least 50 ms) so that clients refused together do not return together. */
    private long jitter(long wait) {
        return (long) (random.getAsDouble() * Math.min(1000, Math.max(50, wait / 10)));
    }
}
