package io.github.camelrocketchat.ddp;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a {@link DdpClient} re-opens a lost connection.
 *
 * <p>The watchdog is armed only after the first successful connect (socket, DDP handshake and
 * {@link Handshake}): a failed first {@link DdpClient#connect()} is reported to the caller, who decides.
 * After that, each loss schedules one attempt after a delay drawn with full jitter: attempt {@code n}
 * (1-based) waits a uniformly random time in {@code [0, min(maxDelay, initialDelay * 2^(n-1))]}, taken from
 * {@link DdpClientOptions#random()}. The attempt counter starts again after a successful reconnect.
 *
 * @param initialDelay the cap of the first attempt's delay (at least 1 ms unless this is {@link #NONE})
 * @param maxDelay     the largest cap, at least {@code initialDelay}
 * @param maxAttempts  consecutive failed attempts before the client gives up; 0 = never give up;
 *                     -1 = never reconnect ({@link #NONE})
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {
    /** No reconnect: a lost connection fails every pending call and ends every subscription. The default. */
    public static final ReconnectPolicy NONE = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, -1);

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < -1) {
            throw new IllegalArgumentException("maxAttempts must be >= 0 (0 = forever), or -1 for no reconnect; was "
                    + maxAttempts);
        }
        if (maxAttempts >= 0) {
            if (initialDelay.toMillis() < 1) {
                throw new IllegalArgumentException("initialDelay must be at least 1 ms, was " + initialDelay);
            }
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be below initialDelay ("
                        + initialDelay + ")");
            }
        }
    }

    /** 500 ms initial cap, 30 s largest cap, never give up. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 0);
    }

    /** False for {@link #NONE}. */
    public boolean enabled() {
        return maxAttempts >= 0;
    }
}
