package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A client-safe {@code Meteor.Error} as the server serialises it into {@code result}/{@code nosub} frames
 * (reference F.1). Thrown by method and publication handlers; anything else becomes 500.
 */
final class MeteorError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient JsonNode error;
    private final String reason;
    private final transient ObjectNode details;

    MeteorError(JsonNode error, String reason, ObjectNode details) {
        super(message(error, reason), null, false, false);
        this.error = error;
        this.reason = reason;
        this.details = details;
    }

    static MeteorError of(String code) {
        return new MeteorError(TextNode.valueOf(code), null, null);
    }

    static MeteorError of(String code, String reason) {
        return new MeteorError(TextNode.valueOf(code), reason, null);
    }

    static MeteorError of(String code, String reason, ObjectNode details) {
        return new MeteorError(TextNode.valueOf(code), reason, details);
    }

    /** The very common {@code details: {method: name}} form. */
    static MeteorError forMethod(String code, String reason, String method) {
        ObjectNode d = Json.obj();
        d.put("method", method);
        return new MeteorError(TextNode.valueOf(code), reason, d);
    }

    static MeteorError numeric(int code, String reason) {
        return new MeteorError(IntNode.valueOf(code), reason, null);
    }

    static MeteorError matchFailed() {
        return numeric(400, "Match failed");
    }

    static MeteorError internal() {
        return numeric(500, "Internal server error");
    }

    static MeteorError invalidUser(String method) {
        return forMethod("error-invalid-user", "Invalid user", method);
    }

    JsonNode error() {
        return error;
    }

    String code() {
        return error.asText();
    }

    String reason() {
        return reason;
    }

    ObjectNode details() {
        return details;
    }

    private static String message(JsonNode error, String reason) {
        return reason == null ? "[" + error.asText() + "]" : reason + " [" + error.asText() + "]";
    }

    /**
     * The wire object. The monolith keeps the own-property order of Meteor's constructor
     * ({@code isClientSafe, error, reason, details, message, errorType}); ddp-streamer's MeteorError
     * serialises {@code isClientSafe, errorType, error, reason, message, details}. Absent members vanish.
     */
    ObjectNode toJson(Dialect dialect) {
        ObjectNode o = Json.obj();
        o.put("isClientSafe", true);
        if (dialect == Dialect.DDP_STREAMER) {
            o.put("errorType", "Meteor.Error");
            o.set("error", error);
            if (reason != null) {
                o.put("reason", reason);
            }
            o.put("message", getMessage());
            if (details != null) {
                o.set("details", details);
            }
            return o;
        }
        o.set("error", error);
        if (reason != null) {
            o.put("reason", reason);
        }
        if (details != null) {
            o.set("details", details);
        }
        o.put("message", getMessage());
        o.put("errorType", "Meteor.Error");
        return o;
    }
}
