package io.github.camelrocketchat;

import java.util.Map;

/**
 * A Rocket.Chat call failed. Carries the server's {@code error} code, {@code reason}, {@code details} and the
 * method (or REST endpoint) that failed; the message never carries a credential.
 *
 * <p>Subclasses name the common cases: {@link RocketChatNotAuthorizedException},
 * {@link RocketChatNotFoundException}, {@link RocketChatInvalidInputException}.
 */
public class RocketChatException extends RuntimeException {
    private final String error;
    private final String reason;
    private final Map<String, Object> details;
    private final String method;

    public RocketChatException(String message, String error, String reason, Map<String, Object> details,
                               String method, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.method = method;
    }

    /** The server's error code as a string ({@code error-invalid-room}, {@code 404}, ...), or a local code. */
    public String getError() {
        return error;
    }

    /** The server's human-readable reason, or null. */
    public String getReason() {
        return reason;
    }

    /** The server's error details; never null. */
    public Map<String, Object> getDetails() {
        return details;
    }

    /** The DDP method or REST endpoint that failed. */
    public String getMethod() {
        return method;
    }
}
