package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code login} parameter shapes Rocket.Chat accepts, and the parsing of its result. */
public final class Logins {
    private Logins() {
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
