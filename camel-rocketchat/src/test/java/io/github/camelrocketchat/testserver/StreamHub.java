package io.github.camelrocketchat.testserver;

import java.util.List;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivers stream events: one {@code changed} frame per matching subscription (two subs with the same
 * eventName on one socket each get it), skipping the connection that wrote the event. Server thread only.
 */
final class StreamHub {

    private final ServerCore core;

    StreamHub(ServerCore core) {
        this.core = core;
    }

    void emit(String stream, String eventName, ArrayNode args, DdpConnection origin) {
        emit(stream, eventName, origin, (c, s) -> args);
    }

    /** @param argsFor per subscriber args, or null to skip that subscriber (per-event permission). */
    void emit(String stream, String eventName, DdpConnection origin,
            BiFunction<DdpConnection, ActiveSub, ArrayNode> argsFor) {
        for (DdpConnection c : List.copyOf(core.connections)) {
            if (c == origin) {
                continue;
            }
            for (ActiveSub s : List.copyOf(c.subs.values())) {
                if (s.matches(stream, eventName)) {
                    ArrayNode args = argsFor.apply(c, s);
                    if (args != null) {
                        deliver(c, changed(stream, "id", eventName, args));
                    }
                }
            }
        }
    }

    /** One event frame to one subscriber; twice under the duplicate fault, as a re-emitting server would. */
    private void deliver(DdpConnection c, ObjectNode frame) {
        c.send(frame);
        if (core.duplicateStreamEvents) {
            c.send(frame.deepCopy());
        }
    }

    static ObjectNode changed(String stream, String id, String eventName, ArrayNode args) {
        ObjectNode f = Json.obj();
        f.put("msg", "changed");
        f.put("collection", stream);
        f.put("id", id);
        ObjectNode fields = f.putObject("fields");
        fields.put("eventName", eventName);
        fields.set("args", args);
        return f;
    }

    /** stream-user-presence: {@code id} and {@code fields.uid} are the user id, args one inner array. */
    void presence(UserRecord u) {
        ArrayNode inner = Json.arr();
        inner.add(u.username);
        inner.add(UserRecord.statusCode(u.effectiveStatus()));
        inner.add(u.statusText);
        for (DdpConnection c : List.copyOf(core.connections)) {
            if (c.presenceCarrier != null && c.watchedPresence.contains(u.id)) {
                ObjectNode f = Json.obj();
                f.put("msg", "changed");
                f.put("collection", "stream-user-presence");
                f.put("id", u.id);
                ObjectNode fields = f.putObject("fields");
                fields.put("uid", u.id);
                fields.set("args", Json.arrOf(inner.deepCopy()));
                fields.put("eventName", u.id);
                deliver(c, f);
            }
        }
    }

    int count(String name) {
        return (int) core.connections.stream().flatMap(c -> c.subs.values().stream())
                .filter(s -> s.name().equals(name)).count();
    }

    int count(String name, String eventName) {
        return (int) core.connections.stream().flatMap(c -> c.subs.values().stream())
                .filter(s -> s.matches(name, eventName)).count();
    }
}
