package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.DdpMethodException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The {@code login} parameter shapes Rocket.Chat accepts, the two-factor retry, and the parsing of the result. */
public final class Logins {
    private Logins() {
    }

    /**
     * Calls {@code login}; on {@code totp-required} for an authenticator code ({@code details.method} {@code totp},
     * or none), when {@code totpCode} is not null, asks it for a code (on the thread that completed the first call:
     * the callback executor) and retries once with the wrapper. A challenge for another method ({@code email}: the
     * server just mailed a code) fails with the server's error: a TOTP code would only be refused.
     *
     * @param call the client's {@code call(method, params)}
     */
    public static CompletableFuture<LoginResult> login(BiFunction<String, List<?>, CompletableFuture<Object>> call,
                                                       LoginRequest request, Supplier<String> totpCode) {
        Map<String, Object> params = params(request);
        CompletableFuture<LoginResult> out = new CompletableFuture<>();
        call.apply("login", List.of(params)).whenComplete((result, error) -> {
            Throwable cause = error == null ? null : Errors.unwrap(error);
            if (cause instanceof DdpMethodException m && "totp-required".equals(m.getErrorCode()) && totpCode != null
                    && asksForTotp(m)) {
                retryWithTotp(call, params, totpCode, out);
            } else {
                complete(out, result, cause);
            }
        });
        return out;
    }

    /** The challenge is for an authenticator (TOTP) code: {@code details.method} is {@code totp} or not given. */
    private static boolean asksForTotp(DdpMethodException challenge) {
        Object method = challenge.getDetails() == null ? null : challenge.getDetails().get("method");
        return method == null || "totp".equals(method);
    }

    private static void retryWithTotp(BiFunction<String, List<?>, CompletableFuture<Object>> call,
                                      Map<String, Object> params, Supplier<String> totpCode,
                                      CompletableFuture<LoginResult> out) {
        String code;
        try {
            code = totpCode.get();
        } catch (RuntimeException e) {
            out.completeExceptionally(new DdpException("The TOTP code supplier failed", e));
            return;
        }
        if (code == null || code.isBlank()) {
            out.completeExceptionally(new DdpException("The server asked for a TOTP code but the supplier gave none"));
            return;
        }
        call.apply("login", List.of(totp(params, code.trim())))
                .whenComplete((result, error) -> complete(out, result, error == null ? null : Errors.unwrap(error)));
    }

    private static void complete(CompletableFuture<LoginResult> out, Object result, Throwable error) {
        if (error != null) {
            out.completeExceptionally(error);
            return;
        }
        try {
            out.complete(result(result));
        } catch (DdpException e) {
            out.completeExceptionally(e);
        }
    }

    /** The single {@code login} parameter for {@code request}. */
    public static Map<String, Object> params(LoginRequest request) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (request instanceof LoginRequest.Password pw) {
            String user = pw.user();
            p.put("user", Map.of(user.contains("@") ? "email" : "username", user));
            Map<String, Object> password = new LinkedHashMap<>();
            password.put("digest", Passwords.sha256Hex(pw.password()));
            password.put("algorithm", "sha-256");
            p.put("password", password);
        } else if (request instanceof LoginRequest.Resume r) {
            p.put("resume", r.token());
        } else {
            throw new IllegalArgumentException("Unsupported login request " + request.getClass().getName());
        }
        return p;
    }

    /** Rocket.Chat's two-factor retry: the original parameter wrapped with the code. */
    public static Map<String, Object> totp(Map<String, Object> original, String code) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("login", original);
        inner.put("code", code);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("totp", inner);
        return p;
    }

    /**
     * Reads {@code {id, token, tokenExpires, type}}.
     *
     * @throws DdpException naming the missing or mistyped field (never its value)
     */
    public static LoginResult result(Object result) {
        if (!(result instanceof Map<?, ?> m)) {
            throw new DdpException("login returned " + (result == null ? "no result" : "a non-object result")
                    + "; expected {id, token, tokenExpires, type}");
        }
        Object id = m.get("id");
        Object token = m.get("token");
        Object expires = m.get("tokenExpires");
        Object type = m.get("type");
        if (!(id instanceof String) || !(token instanceof String)) {
            throw new DdpException("login result lacks a string 'id' and 'token'");
        }
        Instant expiresAt;
        if (expires == null || expires instanceof Instant) {
            expiresAt = (Instant) expires;
        } else if (expires instanceof Number n) {
            expiresAt = Instant.ofEpochMilli(n.longValue());
        } else {
            throw new DdpException("login result has a 'tokenExpires' that is not an EJSON date");
        }
        return new LoginResult((String) id, (String) token, expiresAt, type instanceof String s ? s : null);
    }
}
