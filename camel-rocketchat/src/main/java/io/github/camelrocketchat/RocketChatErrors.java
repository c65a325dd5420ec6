package io.github.camelrocketchat;

import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.rest.RestException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps what the DDP and REST clients throw to {@link RocketChatException} and its subclasses. */
public final class RocketChatErrors {
    private static final Set<String> NOT_AUTHORIZED = Set.of("401", "403", "not-authorized", "not-allowed",
            "error-not-allowed", "error-action-not-allowed", "error-no-permission", "unauthorized",
            "error-unauthorized", "totp-required", "totp-invalid", "error-user-is-not-activated",
            "error-login-blocked-for-ip", "error-login-blocked-for-user");
    private static final Set<String> NOT_FOUND = Set.of("404", "error-invalid-room", "error-room-not-found",
            "error-room-does-not-exist", "error-message-not-found", "error-user-not-found", "error-invalid-user-id",
            "error-not-found");
    private static final Set<String> INVALID_INPUT = Set.of("400", "invalid-params", "error-invalid-params",
            "error-invalid-message", "error-message-size-exceeded", "error-invalid-update-key",
            "error-message-ts-out-of-sync", "error-invalid-name", "error-invalid-room-name",
            "error-duplicate-channel-name", "error-invalid-arguments", "error-too-many-files",
            "error-roomid-param-not-provided", "error-invalid-emoji", "invalid-event-name");

    private RocketChatErrors() {
    }

    /** The exception for {@code failure} of {@code method}; a {@link RocketChatException} is returned as is. */
    public static RocketChatException map(Throwable failure, String method) {
        Throwable t = unwrap(failure);
        String label = method == null ? "Rocket.Chat call" : method;
        if (t instanceof RocketChatException e) {
            return e;
        }
        if (t instanceof DdpMethodException e) {
            String m = e.getMethod() != null ? e.getMethod() : method;
            return create(classify(e.getErrorCode(), 0), describe(m, e.getReason(), e.getErrorCode()),
                    e.getErrorCode(), e.getReason(), e.getDetails(), m, e);
        }
        if (t instanceof RestException e) {
            String code = e.getErrorType() != null ? e.getErrorType() : e.getStatus() > 0 ? String.valueOf(e.getStatus()) : "rest-error";
            return create(classify(e.getErrorType(), e.getStatus()), label + " failed: " + e.getMessage(), code,
                    e.getServerError(), null, method, e);
        }
        if (t instanceof DdpTimeoutException e) {
            return new RocketChatException(label + " failed: " + e.getMessage(), "timeout", null, null, method, e);
        }
        if (t instanceof DdpConnectionClosedException e) {
            return new RocketChatException(label + " failed: " + e.getMessage(), "connection-closed", null, null, method, e);
        }
        if (t instanceof DdpException e) {
            return new RocketChatException(label + " failed: " + e.getMessage(), "ddp-error", null, null, method, e);
        }
        return new RocketChatException(label + " failed: " + t, "client-error", null, null, method, t);
    }

    /** Removes {@link CompletionException} and {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    /** True when the failure says the server has no such DDP method ({@code 404 Method 'x' not found}). */
    public static boolean isMethodNotFound(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof DdpMethodException e && "404".equals(e.getErrorCode())
                && e.getReason() != null && e.getReason().startsWith("Method '");
    }

    private enum Kind { NOT_AUTHORIZED, NOT_FOUND, INVALID_INPUT, OTHER }

    private static Kind classify(String code, int status) {
        if (code != null) {
            if (NOT_AUTHORIZED.contains(code)) {
                return Kind.NOT_AUTHORIZED;
            }
            if (NOT_FOUND.contains(code)) {
                return Kind.NOT_FOUND;
            }
            if (INVALID_INPUT.contains(code)) {
                return Kind.INVALID_INPUT;
            }
        }
        return switch (status) {
            case 401, 403 -> Kind.NOT_AUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 400 -> Kind.INVALID_INPUT;
            default -> Kind.OTHER;
        };
    }

    private static RocketChatException create(Kind kind, String message, String error, String reason,
                                              Map<String, Object> details, String method, Throwable cause) {
        return switch (kind) {
            case NOT_AUTHORIZED -> new RocketChatNotAuthorizedException(message, error, reason, details, method, cause);
            case NOT_FOUND -> new RocketChatNotFoundException(message, error, reason, details, method, cause);
            case INVALID_INPUT -> new RocketChatInvalidInputException(message, error, reason, details, method, cause);
            case OTHER -> new RocketChatException(message, error, reason, details, method, cause);
        };
    }

    private static String describe(String method, String reason, String code) {
        return (method == null ? "Rocket.Chat call" : method) + " failed: " + (reason == null ? "" : reason + " ") + "[" + code + "]";
    }
}
