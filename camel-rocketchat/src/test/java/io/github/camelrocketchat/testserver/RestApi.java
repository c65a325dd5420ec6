package io.github.camelrocketchat.testserver;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST endpoints Rocket.Chat moved off DDP (reference D "REST fallback", G.19). Dates are ISO strings.
 * Runs on the server thread.
 */
final class RestApi {

    private final ServerCore core;
    private final RestChat chat;

    RestApi(ServerCore core) {
        this.core = core;
        this.chat = new RestChat(core);
    }

    Reply handle(Request r) {
        RestRateLimiter.Verdict verdict = core.restLimiter.check(r.method() + " " + r.path(), r.userId());
        if (verdict != null && !verdict.allowed()) {
            return verdict.refusal();
        }
        Reply reply = route(r);
        return verdict == null ? reply : reply.withHeaders(verdict.headers());
    }

    private Reply route(Request r) {
        String path = r.path();
        if ("GET".equals(r.method()) && "/api/info".equals(path)) {
            ObjectNode o = Json.obj();
            o.put("version", core.dialect.version());
            o.put("success", true);
            return new Reply(200, o);
        }
        if ("POST".equals(r.method()) && "/api/v1/login".equals(path)) {
            return login(r.body());
        }
        if ("POST".equals(r.method()) && path.startsWith("/api/v1/method.callAnon/")) {
            return chat.methodCall(null, null, r.body());
        }
        UserRecord user = authenticate(r);
        if (user == null) {
            ObjectNode o = Json.obj();
            o.put("status", "error");
            o.put("message", "You must be logged in to do this.");
            return new Reply(401, o);
        }
        try {
            return switch (r.method() + " " + path) {
                case "POST /api/v1/logout" -> logout(user, r.authToken());
                case "POST /api/v1/chat.postMessage" -> chat.postMessage(user, r.body());
                case "POST /api/v1/chat.sendMessage" -> chat.sendMessage(user, r.body());
                case "POST /api/v1/chat.delete" -> chat.delete(user, r.body());
                case "POST /api/v1/chat.react" -> chat.react(user, r.body());
                case "GET /api/v1/rooms.roles" -> chat.roomRoles(user, r.query().get("rid"));
                case "GET /api/v1/chat.syncMessages" -> chat.syncMessages(user, r.query());
                case "GET /api/v1/chat.getMessage" -> chat.getMessage(user, r.query().get("msgId"));
                default -> path.startsWith("/api/v1/method.call/") && "POST".equals(r.method())
                        ? chat.methodCall(user, Ids.hashToken(r.authToken()), r.body())
                        : notFound();
            };
        } catch (MeteorError e) {
            return failure(e);
        }
    }

    private UserRecord authenticate(Request r) {
        if (r.userId() == null || r.authToken() == null) {
            return null;
        }
        UserRecord u = core.store.users.get(r.userId());
        if (u == null) {
            return null;
        }
        String hash = Ids.hashToken(r.authToken());
        long now = core.now();
        boolean valid = u.tokens.stream().anyMatch(t -> Ids.sameSecret(t.hashedToken(), hash)
                && (t.personal() || now < t.when() + core.settings.loginExpirationMillis()));
        return valid ? u : null;
    }

    private Reply login(JsonNode body) {
        ObjectNode options = Json.obj();
        if (body.has("resume")) {
            options.set("resume", body.get("resume"));
        } else {
            ObjectNode user = options.putObject("user");
            String id = body.path("user").asText(body.path("username").asText(""));
            user.put(id.contains("@") ? "email" : "username", id);
            options.set("password", body.path("password"));
            if (body.has("code")) {
                ObjectNode totp = Json.obj();
                totp.set("login", options.deepCopy());
                totp.set("code", body.get("code"));
                options = Json.obj();
                options.set("totp", totp);
            }
        }
        try {
            Accounts.Login login = core.accounts.login(options);
            ObjectNode o = Json.obj();
            o.put("status", "success");
            ObjectNode data = o.putObject("data");
            data.put("userId", login.user().id);
            data.put("authToken", login.token());
            ObjectNode me = data.putObject("me");
            me.put("_id", login.user().id);
            me.setAll(Docs.ownUser(login.user()));
            me.put("_updatedAt", Json.iso(login.user().updatedAt));
            me.put("status", login.user().effectiveStatus());
            return new Reply(200, o);
        } catch (MeteorError e) {
            ObjectNode o = Json.obj();
            o.put("status", "error");
            boolean totp = e.code().startsWith("totp-");
            o.put("error", totp ? e.code() : "Unauthorized");
            o.put("message", totp ? e.reason() : "Unauthorized");
            if (totp) {
                o.set("details", e.details());
            }
            return new Reply(401, o);
        }
    }

    private Reply logout(UserRecord user, String token) {
        core.accounts.destroyToken(user, Ids.hashToken(token));
        ObjectNode o = Json.obj();
        o.put("status", "success");
        o.putObject("data").put("message", "You've been logged out!");
        return new Reply(200, o);
    }

    private static Reply notFound() {
        ObjectNode o = Json.obj();
        o.put("status", "error");
        o.put("message", "API endpoint does not exist");
        return new Reply(404, o);
    }

    /** {@code API.v1.failure(e.message, e.error)} for a thrown Meteor.Error. */
    static Reply failure(MeteorError e) {
        ObjectNode o = Json.obj();
        o.put("success", false);
        o.put("error", e.getMessage());
        o.put("errorType", e.code());
        if (e.details() != null) {
            o.set("details", e.details());
        }
        return new Reply(400, o);
    }

    /** {@code API.v1.failure("text")}. */
    static Reply failure(String text) {
        ObjectNode o = Json.obj();
        o.put("success", false);
        o.put("error", text);
        return new Reply(400, o);
    }

    static Reply success(ObjectNode body) {
        body.put("success", true);
        return new Reply(200, body);
    }

    /** An HTTP request as the API sees it; the auth token is never printed. */
    record Request(String method, String path, Map<String, String> query, String userId, String authToken,
            JsonNode body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Status, JSON body and extra response headers. */
    record Reply(int status, ObjectNode body, Map<String, String> headers) {
        Reply(int status, ObjectNode body) {
            this(status, body, Map.of());
        }

        Reply withHeaders(Map<String, String> extra) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.putAll(extra);
            return new Reply(status, body, all);
        }
    }
}
