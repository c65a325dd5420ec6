package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpMethodException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before asking again what the server's rate limiter refused. */
final class RateLimitWaits {
    /** Spreads the retries of many refused requests over a short time instead of one instant. */
    static final long MAX_JITTER_MS = 100;
    /** When the server names no wait (it always does: {@code details.timeToReset}). */
    static final long DEFAULT_WAIT_MS = 1000;

    private RateLimitWaits() {
    }

    /** The wait plus jitter for a {@code too-many-requests} refusal; null for any other error. */
    static Duration of(DdpMethodException e) {
        String code = e.getErrorCode();
        if (!"too-many-requests".equals(code) && !"error-too-many-requests".equals(code)) {
            return null;
        }
        long wait = e.getDetails().get("timeToReset") instanceof Number n && n.longValue() >= 0 ? n.longValue() : DEFAULT_WAIT_MS;
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(MAX_JITTER_MS + 1));
    }
}
