package io.github.camelrocketchat.ddp.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (the AWS architecture blog's "Full Jitter", Lettuce's
 * {@code Delay.fullJitter}): spreading the delay over the whole range keeps many clients that lost the same
 * server from coming back in lock step. Pure apart from the injected random; any thread.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    /** @param random shared with other users of the options' random, so draws synchronize on it */
    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before attempt {@code attempt} (1-based): uniform in [0, min(max, initial * 2^(attempt-1))] ms. */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
        }
        long bound = cap(attempt);
        long millis;
        synchronized (random) {
            millis = random.nextLong(bound + 1);
        }
        return Duration.ofMillis(millis);
    }

    /** The upper end of the range for {@code attempt}, without overflow for large attempt numbers. */
    public long cap(int attempt) {
        int shift = attempt - 1;
        if (shift >= 62 || initialMillis > (maxMillis >> shift)) {
            return maxMillis;
        }
        return Math.min(maxMillis, initialMillis << shift);
    }
}
