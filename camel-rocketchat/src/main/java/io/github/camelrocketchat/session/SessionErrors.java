package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.rest.RestException;
import io.github.camelrocketchat.rest.RestMethodException;
import io.github.camelrocketchat.session.SessionException.Kind;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what the DDP and REST clients throw into {@link SessionException}s: the one place that knows Rocket.Chat's
 * error codes. Every future the session hands out fails with a {@code SessionException}.
 */
public final class SessionErrors {
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
    private static final Set<String> RATE_LIMITED = Set.of("too-many-requests", "error-too-many-requests");

    private SessionErrors() {
    }

    /** The session exception for {@code failure} of {@code method}; a {@link SessionException} is returned as is. */
    public static SessionException of(Throwable failure, String method) {
        Throwable t = unwrap(failure);
        String label = method == null ? "Rocket.Chat call" : method;
        if (t instanceof SessionException e) {
            return e;
        }
        if (t instanceof DdpMethodException e) {
            String m = e.getMethod() != null ? e.getMethod() : method;
            return new SessionException(classify(e.getErrorCode(), 0), describe(m, e.getReason(), e.getErrorCode()),
                    e.getErrorCode(), e.getReason(), e.getDetails(), m, e);
        }
        if (t instanceof RestMethodException e) {
            String m = e.getMethod() != null ? e.getMethod() : method;
            return new SessionException(classify(e.getErrorCode(), 0), describe(m, e.getReason(), e.getErrorCode()),
                    e.getErrorCode(), e.getReason(), e.getDetails(), m, e);
        }
        if (t instanceof RestException e) {
            String code = e.getErrorType() != null ? e.getErrorType() : e.getStatus() > 0 ? String.valueOf(e.getStatus()) : "rest-error";
            Kind kind = e.getStatus() == 429 ? Kind.RATE_LIMITED : classify(e.getErrorType(), e.getStatus());
            Map<String, Object> details = e.getRetryAfterMillis() >= 0 ? Map.of("timeToReset", e.getRetryAfterMillis()) : null;
            return new SessionException(kind, label + " failed: " + e.getMessage(), code, e.getServerError(), details, method, e);
        }
        if (t instanceof DdpTimeoutException e) {
            return new SessionException(Kind.TIMEOUT, prefixed(method, e), "timeout", null, null, method, e);
        }
        if (t instanceof DdpConnectionClosedException e) {
            return new SessionException(Kind.CONNECTION_CLOSED, prefixed(method, e), "connection-closed",
                    null, null, method, e);
        }
        if (t instanceof DdpException e) {
            return new SessionException(Kind.OTHER, prefixed(method, e), "ddp-error", null, null, method, e);
        }
        return new SessionException(Kind.OTHER, label + " failed: " + t, "client-error", null, null, method, t);
    }

    /** A client failure's message, after "method failed: " when a method was being called. */
    private static String prefixed(String method, Throwable e) {
        return method == null ? e.getMessage() : method + " failed: " + e.getMessage();
    }

    /** {@code future} with its failure turned into a {@link SessionException} (the value passes unchanged). */
    public static <T> CompletableFuture<T> translate(CompletableFuture<T> future, String method) {
        return future.handle((v, e) -> {
            if (e != null) {
                throw new CompletionException(of(e, method));
            }
            return v;
        });
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
    static boolean isMethodNotFound(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof DdpMethodException e && "404".equals(e.getErrorCode())
                && e.getReason() != null && e.getReason().startsWith("Method '");
    }

    /** True for {@code 400 Match failed}: a strict server refused a parameter (sendMessage with alias on 7.1+). */
    static boolean isMatchFailed(Throwable failure) {
        return unwrap(failure) instanceof DdpMethodException e && "400".equals(e.getErrorCode());
    }

    private static Kind classify(String code, int status) {
        if (code != null) {
            if (RATE_LIMITED.contains(code)) {
                return Kind.RATE_LIMITED;
            }
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
            case 429 -> Kind.RATE_LIMITED;
            default -> Kind.OTHER;
        };
    }

    private static String describe(String method, String reason, String code) {
        return (method == null ? "Rocket.Chat call" : method) + " failed: " + (reason == null ? "" : reason + " ") + "[" + code + "]";
    }
}
