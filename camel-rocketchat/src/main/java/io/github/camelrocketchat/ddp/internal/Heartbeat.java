package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Our side of DDP heartbeats for one connected socket: after {@code interval} without any inbound frame, send a
 * ping; if nothing at all arrives within {@code timeout} after it, report the connection dead.
 *
 * <p>One timer at a time; an inbound frame only stores a timestamp (no timer work per frame). Connection thread
 * only.
 */
public final class Heartbeat {
    private final Scheduler scheduler;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final Runnable sendPing;
    private final Consumer<String> onTimeout;
    /** Time of the last inbound frame. */
    private long lastInbound;
    /** Inbound frames seen so far; compared across a ping to detect life even at equal virtual times. */
    private long inboundCount;
    /** Count at the time of our outstanding ping, or -1 when none is outstanding. */
    private long countAtPing = -1;
    private long pingSentAt;
    private Scheduler.Cancellable timer;
    private boolean stopped;

    /**
     * @param sendPing  sends {@code {"msg":"ping"}}
     * @param onTimeout called once with a human-readable reason when the peer went silent
     */
    public Heartbeat(Scheduler scheduler, Duration interval, Duration timeout, Runnable sendPing,
                     Consumer<String> onTimeout) {
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.sendPing = sendPing;
        this.onTimeout = onTimeout;
    }

    public void start() {
        lastInbound = scheduler.nanoTime();
        arm(intervalNanos);
    }

    /** Any inbound frame counts as life. */
    public void frameReceived() {
        lastInbound = scheduler.nanoTime();
        inboundCount++;
    }

    public void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void arm(long delayNanos) {
        timer = scheduler.schedule(Duration.ofNanos(Math.max(0, delayNanos)), this::check);
    }

    private void check() {
        if (stopped) {
            return;
        }
        long now = scheduler.nanoTime();
        if (countAtPing >= 0 && inboundCount > countAtPing) {
            countAtPing = -1;
        }
        if (countAtPing < 0) {
            long idle = now - lastInbound;
            if (idle >= intervalNanos) {
                countAtPing = inboundCount;
                pingSentAt = now;
                sendPing.run();
                arm(timeoutNanos);
            } else {
                arm(intervalNanos - idle);
            }
        } else if (now - pingSentAt >= timeoutNanos) {
            stopped = true;
            onTimeout.accept("no frame received within " + Durations.human(Duration.ofNanos(timeoutNanos))
                    + " after our ping (sent after " + Durations.human(Duration.ofNanos(intervalNanos))
                    + " of silence)");
        } else {
            arm(timeoutNanos - (now - pingSentAt));
        }
    }
}
