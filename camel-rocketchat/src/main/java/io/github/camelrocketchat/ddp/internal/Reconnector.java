package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.ReconnectPolicy;
import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconnect watchdog (Lettuce's ConnectionWatchdog): beside the engine, on the same scheduler. Armed by the
 * first ready connection, so a failed first connect is left to the caller; one attempt scheduled at a time, its
 * delay from {@link Backoff}; the counter starts again after a success; disarmed by give-up and by close, so a
 * deliberate close never reconnects. Connection thread only, except the {@code volatile} counters.
 */
final class Reconnector {
    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    private final String name;
    private final Scheduler scheduler;
    private final ReconnectPolicy policy;
    private final Backoff backoff;
    private final ListenerRegistry listeners;
    /** True from a ready connection (with a policy that reconnects) until give-up or close. */
    private boolean armed;
    /** The number of the attempt scheduled or running; 0 while ready. Written on the connection thread. */
    private volatile int attempt;
    /** Attempts since the client was made. Written on the connection thread, read from any thread. */
    private volatile long total;
    /** The scheduled attempt, or null. */
    private Scheduler.Cancellable timer;

    Reconnector(String name, Scheduler scheduler, ReconnectPolicy policy, RandomGenerator random,
                ListenerRegistry listeners) {
        this.name = name;
        this.scheduler = scheduler;
        this.policy = policy;
        this.backoff = new Backoff(policy.enabled() ? policy.initialDelay() : Duration.ofMillis(1),
                policy.enabled() ? policy.maxDelay() : Duration.ofMillis(1), random);
        this.listeners = listeners;
    }

    /** True when a lost connection or a failed attempt leads to another attempt (or to giving up). */
    boolean armed() {
        return armed;
    }

    int attempt() {
        return attempt;
    }

    long total() {
        return total;
    }

    /** A socket became ready. */
    void succeeded() {
        if (attempt > 0) {
            LOG.info("{}: reconnected after {} attempt(s)", name, attempt);
        }
        attempt = 0;
        armed = policy.enabled();
    }

    /**
     * The connection was lost or an attempt failed: schedules the next attempt and returns true, or returns false
     * (and disarms) when {@code maxAttempts} attempts have failed.
     */
    boolean schedule(Runnable dial, String why) {
        if (policy.maxAttempts() > 0 && attempt >= policy.maxAttempts()) {
            armed = false;
            return false;
        }
        attempt++;
        total++;
        Duration delay = backoff.delay(attempt);
        // rate-limited: attempts 1, 2, 4, 8, ... at INFO, the others at DEBUG
        if (Integer.bitCount(attempt) == 1) {
            LOG.info("{}: reconnect attempt {} in {} ({})", name, attempt, Durations.human(delay), why);
        } else {
            LOG.debug("{}: reconnect attempt {} in {} ({})", name, attempt, Durations.human(delay), why);
        }
        listeners.reconnecting(attempt, delay);
        timer = scheduler.schedule(delay, () -> {
            timer = null;
            dial.run();
        });
        return true;
    }

    /** close(): no further attempt. */
    void cancel() {
        armed = false;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
