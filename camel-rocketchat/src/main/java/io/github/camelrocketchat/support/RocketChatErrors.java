package io.github.camelrocketchat.support;

import io.github.camelrocketchat.RocketChatConnectionException;
import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.RocketChatInvalidInputException;
import io.github.camelrocketchat.RocketChatNotAuthorizedException;
import io.github.camelrocketchat.RocketChatNotFoundException;
import io.github.camelrocketchat.RocketChatRateLimitException;
import io.github.camelrocketchat.session.SessionErrors;
import io.github.camelrocketchat.session.SessionException;

/**
 * Maps the session's failures to the public {@link RocketChatException} family, by {@link SessionException.Kind}.
 * The session already classified the DDP and REST errors; this layer only picks the public type.
 */
public final class RocketChatErrors {
    private RocketChatErrors() {
    }

    /** The exception for {@code failure} of {@code method}; a {@link RocketChatException} is returned as is. */
    public static RocketChatException map(Throwable failure, String method) {
        Throwable t = SessionErrors.unwrap(failure);
        if (t instanceof RocketChatException e) {
            return e;
        }
        SessionException s = SessionErrors.of(t, method);
        return create(s.kind(), s.getMessage(), s.error(), s.reason(), s, s.method());
    }

    /** The same kind of exception with another message (what was being done), keeping error, reason and details. */
    public static RocketChatException withMessage(String message, RocketChatException e) {
        return create(kindOf(e), message, e.getError(), e.getReason(), e, e.getMethod(), e.getDetails());
    }

    private static SessionException.Kind kindOf(RocketChatException e) {
        if (e instanceof RocketChatNotAuthorizedException) {
            return SessionException.Kind.NOT_AUTHORIZED;
        }
        if (e instanceof RocketChatNotFoundException) {
            return SessionException.Kind.NOT_FOUND;
        }
        if (e instanceof RocketChatInvalidInputException) {
            return SessionException.Kind.INVALID_INPUT;
        }
        if (e instanceof RocketChatRateLimitException) {
            return SessionException.Kind.RATE_LIMITED;
        }
        if (e instanceof RocketChatConnectionException) {
            return SessionException.Kind.CONNECTION_CLOSED;
        }
        return SessionException.Kind.OTHER;
    }

    private static RocketChatException create(SessionException.Kind kind, String message, String error, String reason,
                                              SessionException cause, String method) {
        return create(kind, message, error, reason, cause.getCause() != null ? cause.getCause() : cause, method, cause.details());
    }

    private static RocketChatException create(SessionException.Kind kind, String message, String error, String reason,
                                              Throwable cause, String method, java.util.Map<String, Object> details) {
        return switch (kind) {
            case NOT_AUTHORIZED -> new RocketChatNotAuthorizedException(message, error, reason, details, method, cause);
            case NOT_FOUND -> new RocketChatNotFoundException(message, error, reason, details, method, cause);
            case INVALID_INPUT -> new RocketChatInvalidInputException(message, error, reason, details, method, cause);
            case RATE_LIMITED -> new RocketChatRateLimitException(message, error, reason, details, method, cause);
            case CONNECTION_CLOSED -> new RocketChatConnectionException(message, error, reason, details, method, cause);
            case TIMEOUT, OTHER -> new RocketChatException(message, error, reason, details, method, cause);
        };
    }
}
