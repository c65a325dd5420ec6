package io.github.camelrocketchat.testserver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The methods of the chosen dialect and how a call is run: rate limiter, handler, then {@code updated} and
 * {@code result} in the dialect's order. Runs on the server thread.
 */
final class MethodRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MethodRegistry.class);

    private final ServerCore core;
    private final Map<String, ServerMethod> methods = new HashMap<>();

    MethodRegistry(ServerCore core) {
        this.core = core;
        AccountMethods.register(this, core);
        MessageMethods.register(this, core);
        RoomMethods.register(this, core);
        SyncMethods.register(this, core);
        PresenceMethods.register(this, core);
        StreamWriteMethods.register(this, core);
    }

    void add(String name, ServerMethod method) {
        methods.put(name, method);
    }

    boolean has(String name) {
        return methods.containsKey(name);
    }

    /** A call from a socket; honours an injected delay by holding the connection's later frames. */
    void invoke(DdpConnection c, String id, String name, ArrayNode params) {
        Duration delay = core.methodDelays.get(name);
        if (delay == null) {
            send(c, id, name, params);
            return;
        }
        c.busy = true;
        Runnable answer = () -> {
            c.busy = false;
            if (!c.closed) {
                send(c, id, name, params);
                core.protocol.drain(c);
            }
        };
        // both run on the server thread, so the timer cannot fire before it is registered
        ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
        timer[0] = core.loop.schedule(() -> {
            core.delayedCalls.remove(timer[0]);
            answer.run();
        }, delay);
        core.delayedCalls.put(timer[0], answer);
    }

    /** Answers now every delayed call still waiting, in arrival order (calls they release may be delayed again). */
    void releaseDelayedCalls() {
        List<Map.Entry<ScheduledFuture<?>, Runnable>> held = new ArrayList<>(core.delayedCalls.entrySet());
        core.delayedCalls.clear();
        for (Map.Entry<ScheduledFuture<?>, Runnable> e : held) {
            if (e.getKey().cancel(false)) {
                e.getValue().run();
            }
        }
    }

    private void send(DdpConnection c, String id, String name, ArrayNode params) {
        Invocation inv = new Invocation(core, c, name, params);
        ReplyOrder order = core.replyOrder;
        List<ObjectNode> events = new ArrayList<>();
        c.heldEvents = order.holdsEvents() ? events : null;
        Outcome out;
        try {
            out = run(inv, id);
        } finally {
            c.heldEvents = null;
        }
        ObjectNode updated = Json.obj();
        updated.put("msg", "updated");
        updated.set("methods", Json.arr(List.of(id)));
        List<ObjectNode> replies = core.dialect.streamer() || out.notFound ? List.of(out.frame, updated)
                : List.of(updated, out.frame);
        order.arrange(replies, events).forEach(c::send);
        inv.afterResult.forEach(Runnable::run);
    }

    /** Runs the call and builds the {@code result} frame (also used by REST {@code method.call}). */
    Outcome run(Invocation inv, String id) {
        ObjectNode frame = Json.obj();
        frame.put("msg", "result");
        frame.put("id", id);
        ServerMethod m = methods.get(inv.method);
        if (m == null) {
            MeteorError e = MeteorError.numeric(404, "Method '" + inv.method + "' not found");
            frame.set("error", e.toJson(core.dialect));
            return new Outcome(frame, true, true);
        }
        MeteorError error = core.limiter.check(
                new RateLimiter.Input(inv.conn.id, inv.conn.userId, inv.method, true));
        JsonNode result = null;
        if (error == null) {
            try {
                result = m.call(inv);
            } catch (MeteorError e) {
                error = e;
            } catch (RuntimeException e) {
                LOG.warn("Exception while invoking method {}", inv.method, e);
                error = MeteorError.internal();
            }
        }
        if (error != null) {
            frame.set("error", error.toJson(core.dialect));
            return new Outcome(frame, false, true);
        }
        if (result != null && !(core.dialect.streamer() && falsy(result))) {
            frame.set("result", result);
        }
        return new Outcome(frame, false, false);
    }

    private static boolean falsy(JsonNode n) {
        return n.isNull() || (n.isBoolean() && !n.asBoolean()) || (n.isNumber() && n.asDouble() == 0)
                || (n.isTextual() && n.asText().isEmpty());
    }

    /** A built result frame; {@code notFound} makes the monolith send it before {@code updated}. */
    record Outcome(ObjectNode frame, boolean notFound, boolean failed) {
    }
}
