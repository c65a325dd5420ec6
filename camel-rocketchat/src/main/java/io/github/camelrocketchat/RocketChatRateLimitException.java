package io.github.camelrocketchat;

import java.time.Duration;
import java.util.Map;

/**
 * Rocket.Chat's rate limiter refused the call ({@code too-many-requests}). {@link #getRetryAfter()} says how long
 * the server asked to wait.
 */
public class RocketChatRateLimitException extends RocketChatException {
    private final Duration retryAfter;

    public RocketChatRateLimitException(String message, String error, String reason, Map<String, Object> details,
                                        String method, Throwable cause) {
        super(message, error, reason, details, method, cause);
        this.retryAfter = retryAfterOf(getDetails());
    }

    /** The server's {@code details.timeToReset} (DDP) or {@code x-ratelimit-reset} (REST); null when it gave none. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    private static Duration retryAfterOf(Map<String, Object> details) {
        return details.get("timeToReset") instanceof Number n && n.longValue() >= 0 ? Duration.ofMillis(n.longValue()) : null;
    }
}
