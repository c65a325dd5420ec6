package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** One method call being run: the caller's connection, the params and Meteor's {@code check()} helpers. */
final class Invocation {

    final ServerCore core;
    final DdpConnection conn;
    final String method;
    final ArrayNode params;
    /** Work to do after the result frame went out (ddp-streamer's logout close). */
    final List<Runnable> afterResult = new ArrayList<>();

    Invocation(ServerCore core, DdpConnection conn, String method, ArrayNode params) {
        this.core = core;
        this.conn = conn;
        this.method = method;
        this.params = params;
    }

    String userId() {
        return conn.userId;
    }

    UserRecord user() {
        return core.user(conn.userId);
    }

    /** The caller, or {@code error-invalid-user} with {@code details.method}. */
    UserRecord requireUser() throws MeteorError {
        UserRecord u = user();
        if (u == null) {
            throw MeteorError.invalidUser(method);
        }
        return u;
    }

    JsonNode param(int i) {
        JsonNode n = params.get(i);
        return n == null || n.isMissingNode() ? null : n;
    }

    /** {@code check(x, String)}. */
    String string(int i) throws MeteorError {
        JsonNode n = param(i);
        if (n == null || !n.isTextual()) {
            throw MeteorError.matchFailed();
        }
        return n.asText();
    }

    /** {@code check(x, Match.Maybe(String))}: null or undefined pass. */
    String optString(int i) throws MeteorError {
        JsonNode n = param(i);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw MeteorError.matchFailed();
        }
        return n.asText();
    }

    /** {@code check(x, Match.Maybe(Date))}: an EJSON date, null or absent; anything else fails the match. */
    Long optDate(int i) throws MeteorError {
        JsonNode n = param(i);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!Json.isDate(n)) {
            throw MeteorError.matchFailed();
        }
        return Json.dateMillis(n);
    }

    boolean optBoolean(int i, boolean dflt) throws MeteorError {
        JsonNode n = param(i);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw MeteorError.matchFailed();
        }
        return n.asBoolean();
    }

    int optInt(int i, int dflt) throws MeteorError {
        JsonNode n = param(i);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw MeteorError.matchFailed();
        }
        return n.asInt();
    }
}
