package io.github.camelrocketchat.testserver;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Meteor accounts plus Rocket.Chat's login rules (reference B): password (digest or plain), resume tokens
 * (hashed, 90-day expiry), personal access tokens, the {@code totp} wrapper, failed-login blocking and the
 * ambiguous 403. Server thread only.
 */
final class Accounts {

    static final String AMBIGUOUS = "Something went wrong. Please check your credentials.";
    private static final Set<String> PASSWORD_KEYS = Set.of("user", "password", "code");

    private final ServerCore core;

    Accounts(ServerCore core) {
        this.core = core;
    }

    UserRecord createUser(String username, String password, String name, String... roles) {
        if (core.store.userByName(username).filter(u -> u.username.equals(username)).isPresent()) {
            throw new IllegalArgumentException("username already taken: " + username);
        }
        UserRecord u = new UserRecord(core.ids.id(), username);
        u.name = name == null ? username : name;
        u.passwordDigest = password == null ? null : Ids.sha256Hex(password);
        u.roles.addAll(roles.length == 0 ? Set.of("user") : Set.of(roles));
        if (u.roles.contains("bot")) {
            u.type = "bot";
        }
        u.updatedAt = core.now();
        core.store.users.put(u.id, u);
        return u;
    }

    /** A fresh resume token (the plain value is returned once; only its hash is kept). */
    String newLoginToken(UserRecord u) {
        String token = core.ids.secret();
        u.tokens.add(new UserRecord.LoginToken(Ids.hashToken(token), core.now(), "password", null));
        return token;
    }

    String newPersonalAccessToken(UserRecord u, String name) {
        String token = core.ids.secret();
        u.tokens.add(new UserRecord.LoginToken(Ids.hashToken(token), 0, "personalAccessToken", name));
        return token;
    }

    /** Runs the login handlers; answers {@code {id, token, tokenExpires, type}} or throws the Meteor error. */
    Login login(JsonNode options) throws MeteorError {
        if (options == null || !options.isObject()) {
            throw MeteorError.matchFailed();
        }
        if (options.has("resume") && !isFalsy(options.get("resume"))) {
            return resume(options.get("resume"));
        }
        JsonNode totp = options.get("totp");
        if (totp != null && totp.isObject() && !isFalsy(totp.get("code"))) {
            JsonNode inner = totp.get("login");
            if (inner == null || !inner.isObject() || isFalsy(inner.get("password"))) {
                throw MeteorError.numeric(400, "Unrecognized options for login request");
            }
            return password(inner, totp.get("code").asText());
        }
        if (!isFalsy(options.get("password"))) {
            return password(options, null);
        }
        throw MeteorError.numeric(400, "Unrecognized options for login request");
    }

    private Login resume(JsonNode resume) throws MeteorError {
        if (!resume.isTextual()) {
            throw MeteorError.matchFailed();
        }
        String hash = Ids.hashToken(resume.asText());
        for (UserRecord u : core.store.users.values()) {
            for (UserRecord.LoginToken t : u.tokens) {
                if (Ids.sameSecret(t.hashedToken(), hash)) {
                    if (!t.personal() && core.now() >= t.when() + core.settings.loginExpirationMillis()) {
                        throw MeteorError.numeric(403, "Your session has expired. Please log in again.");
                    }
                    checkActive(u);
                    return new Login(u, resume.asText(), t, "resume");
                }
            }
        }
        throw MeteorError.numeric(403, "You've been logged out by the server. Please log in again.");
    }

    private Login password(JsonNode options, String totpCode) throws MeteorError {
        for (Iterator<String> it = options.fieldNames(); it.hasNext();) {
            if (!PASSWORD_KEYS.contains(it.next())) {
                throw MeteorError.matchFailed();
            }
        }
        JsonNode user = options.get("user");
        String digest = passwordDigest(options.get("password"));
        UserRecord u = findUser(user);
        if (u != null && core.now() < u.blockedUntil) {
            throw blocked();
        }
        if (u == null || u.passwordDigest == null || !Ids.sameSecret(u.passwordDigest, digest)) {
            if (u != null && ++u.failedLogins >= core.settings.failedLoginsUntilBlock) {
                u.blockedUntil = core.now() + core.settings.blockMinutes * 60_000L;
                u.failedLogins = 0;
            }
            throw MeteorError.numeric(403, AMBIGUOUS);
        }
        checkActive(u);
        if (u.totpSecret == null && u.email2fa && u.emailVerified) {
            emailTwoFactor(u, totpCode);
        }
        if (u.totpSecret != null) {
            if (totpCode == null) {
                ObjectNode d = Json.obj();
                d.put("method", "totp");
                d.set("availableMethods", Json.arr(java.util.List.of("totp")));
                throw MeteorError.of("totp-required", "TOTP Required", d);
            }
            if (!Totp.verify(u.totpSecret, totpCode, core.now(), 1)) {
                ObjectNode d = Json.obj();
                d.put("method", "totp");
                throw MeteorError.of("totp-invalid", "TOTP Invalid", d);
            }
        }
        u.failedLogins = 0;
        String token = core.ids.secret();
        UserRecord.LoginToken stored = new UserRecord.LoginToken(Ids.hashToken(token), core.now(), "password", null);
        u.tokens.add(stored);
        return new Login(u, token, stored, "password");
    }

    /**
     * Rocket.Chat's e-mail 2FA ({@code EmailCheck}): without a code a new one is "mailed" (kept on the user, see
     * {@link RocketChatTestServer#emailCode}) and the login answers {@code totp-required} with method {@code email};
     * a code other than the mailed one is {@code totp-invalid}.
     */
    private void emailTwoFactor(UserRecord u, String code) throws MeteorError {
        if (code == null) {
            u.emailCode = String.format("%06d", Math.floorMod(java.nio.ByteBuffer.wrap(core.ids.bytes(4)).getInt(), 1_000_000));
            ObjectNode d = Json.obj();
            d.put("method", "email");
            d.put("codeGenerated", true);
            d.put("emailOrUsername", u.email);
            d.set("availableMethods", Json.arr(java.util.List.of("email")));
            throw MeteorError.of("totp-required", "TOTP Required", d);
        }
        if (u.emailCode == null || !Ids.sameSecret(u.emailCode, code)) {
            ObjectNode d = Json.obj();
            d.put("method", "email");
            throw MeteorError.of("totp-invalid", "TOTP Invalid", d);
        }
        u.emailCode = null;
    }

    private static MeteorError blocked() {
        ObjectNode d = Json.obj();
        d.put("function", "Accounts.validateLoginAttempt");
        return MeteorError.of("error-login-blocked-for-user", "Login has been temporarily blocked For User", d);
    }

    private static void checkActive(UserRecord u) throws MeteorError {
        if (!u.active) {
            ObjectNode d = Json.obj();
            d.put("function", "Accounts.validateLoginAttempt");
            throw MeteorError.of("error-user-is-not-activated", "User is not activated", d);
        }
    }

    /** {@code user} must hold exactly one of username, email, id (non-empty strings). */
    private UserRecord findUser(JsonNode user) throws MeteorError {
        if (user == null || !user.isObject() || user.size() != 1) {
            throw MeteorError.matchFailed();
        }
        String key = user.fieldNames().next();
        JsonNode v = user.get(key);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw MeteorError.matchFailed();
        }
        return switch (key) {
            case "username" -> core.store.userByName(v.asText()).orElse(null);
            case "email" -> core.store.userByEmail(v.asText()).orElse(null);
            case "id" -> core.store.users.get(v.asText());
            default -> throw MeteorError.matchFailed();
        };
    }

    /** A plain string (at most 256 chars, hashed here) or {@code {digest: 64 chars, algorithm: "sha-256"}}. */
    private static String passwordDigest(JsonNode password) throws MeteorError {
        if (password.isTextual() && password.asText().length() <= 256) {
            return Ids.sha256Hex(password.asText());
        }
        if (password.isObject() && password.size() == 2 && password.path("digest").isTextual()
                && password.get("digest").asText().length() == 64
                && "sha-256".equals(password.path("algorithm").asText(null))) {
            return password.get("digest").asText();
        }
        throw MeteorError.matchFailed();
    }

    private static boolean isFalsy(JsonNode n) {
        return n == null || n.isNull() || (n.isBoolean() && !n.asBoolean()) || (n.isTextual() && n.asText().isEmpty())
                || (n.isNumber() && n.asDouble() == 0);
    }

    /** The login method's result frame content. */
    ObjectNode result(Login login) {
        ObjectNode r = Json.obj();
        r.put("id", login.user().id);
        r.put("token", login.token());
        if (login.stored().personal()) {
            r.set("tokenExpires", Json.obj().putNull("$date"));
        } else {
            r.set("tokenExpires", Json.date(login.stored().when() + core.settings.loginExpirationMillis()));
        }
        r.put("type", login.type());
        return r;
    }

    /** Destroys the connection's token (logout). */
    void destroyToken(UserRecord u, String tokenHash) {
        u.tokens.removeIf(t -> !t.personal() && Ids.sameSecret(t.hashedToken(), tokenHash));
    }

    /** A successful login; {@code token} is the plain token, never logged. */
    record Login(UserRecord user, String token, UserRecord.LoginToken stored, String type) {
        @Override
        public String toString() {
            return "Login[" + user.username + ", " + type + "]";
        }
    }
}
