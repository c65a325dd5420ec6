package io.github.camelrocketchat.session;

import java.util.Map;

/**
 * A session operation failed, in the session's own terms: a {@link Kind} plus what the server said. The layer
 * above maps the kind to its public exceptions; the DDP and REST exceptions stay below as the cause.
 * The message never carries a credential.
 */
public final class SessionException extends RuntimeException {
    /** What kind of failure it was, as far as a caller needs to decide what to do. */
    public enum Kind {
        NOT_AUTHORIZED, NOT_FOUND, INVALID_INPUT,
        /** The server's rate limiter refused the call; {@code details.timeToReset} says for how long (ms). */
        RATE_LIMITED,
        /** No answer in time. */
        TIMEOUT,
        /** The connection ended before the answer came; a retry on a new connection may work. */
        CONNECTION_CLOSED,
        OTHER
    }

    private final Kind kind;
    private final String error;
    private final String reason;
    private final Map<String, Object> details;
    private final String method;

    public SessionException(Kind kind, String message, String error, String reason, Map<String, Object> details,
                            String method, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.error = error;
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.method = method;
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code as a string, or a local code ({@code timeout}, {@code connection-closed}, ...). */
    public String error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    /** Never null. */
    public Map<String, Object> details() {
        return details;
    }

    /** The DDP method or REST endpoint that failed, or null. */
    public String method() {
        return method;
    }
}
