package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DDP framing and dispatch for every connection (reference A): handshake, heartbeats, error frames,
 * {@code sub}/{@code unsub}/{@code method}. Monolith rules by default; ddp-streamer's where the dialect
 * says so. Runs on the server thread.
 */
final class DdpProtocol {

    private static final String[] SUPPORTED = {"1", "pre2", "pre1"};

    private final ServerCore core;
    private final StreamerFraming streamer;

    DdpProtocol(ServerCore core) {
        this.core = core;
        this.streamer = new StreamerFraming(core, this);
    }

    void onOpen(DdpConnection c) {
        core.connections.add(c);
        core.totalConnections++;
        if (core.dialect.streamer()) {
            c.sendText("{\"msg\":\"server_id\",\"server_id\":\"0\"}");
        }
        core.heartbeat.onOpen(c);
    }

    void onClose(DdpConnection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        c.cancelTimers();
        core.connections.remove(c);
        c.subs.clear();
        if (c.userId != null) {
            String uid = c.userId;
            c.userId = null;
            core.chat.connectionsChanged(uid);
        }
    }

    /**
     * A binary frame is not DDP: ddp-streamer's decoder throws (close 1007); the monolith cannot parse it
     * as a DDP object and answers {@code Bad request}.
     */
    void onBinary(DdpConnection c, int length) {
        if (c.closed || c.silent) {
            return;
        }
        core.recorder.record(c.id, RecordedFrame.Direction.IN, "<binary " + length + " bytes>", true);
        core.heartbeat.onInbound(c);
        if (core.dialect.streamer()) {
            c.close(1007, "UNSUPPORTED_DATA");
        } else {
            sendError(c, "Bad request", null);
        }
    }

    void onText(DdpConnection c, String text) {
        if (c.silent) {
            c.droppedWhileSilent++;
            return;
        }
        if (c.closed) {
            return;
        }
        c.recordInbound(text);
        core.heartbeat.onInbound(c);
        JsonNode frame = Json.parseOrNull(text);
        boolean object = frame != null && frame.isObject();
        if (core.dialect.streamer()) {
            streamer.onFrame(c, object ? (ObjectNode) frame : null);
            return;
        }
        if (!object) {
            sendError(c, "Bad request", null);
            return;
        }
        JsonNode msgNode = frame.get("msg");
        if (msgNode == null || msgNode.isNull() || (msgNode.isTextual() && msgNode.asText().isEmpty())
                || (msgNode.isBoolean() && !msgNode.asBoolean())) {
            sendError(c, "Bad request", frame);
            return;
        }
        String msg = msgNode.isTextual() ? msgNode.asText() : "";
        if ("connect".equals(msg)) {
            if (c.connected()) {
                sendError(c, "Already connected", frame);
            } else {
                connect(c, (ObjectNode) frame);
            }
            return;
        }
        if (!c.connected()) {
            sendError(c, "Must connect first", frame);
            return;
        }
        boolean heartbeats = !"pre1".equals(c.version);
        if (heartbeats && "ping".equals(msg)) {
            pong(c, frame);
            return;
        }
        if (heartbeats && "pong".equals(msg)) {
            return;
        }
        if (c.busy) {
            c.queued.add(frame);
            return;
        }
        process(c, (ObjectNode) frame);
    }

    /** Runs queued frames after a delayed method finished, until another delay starts. */
    void drain(DdpConnection c) {
        while (!c.busy && !c.queued.isEmpty() && !c.closed) {
            process(c, (ObjectNode) c.queued.poll());
        }
    }

    private void process(DdpConnection c, ObjectNode frame) {
        String msg = Json.text(frame, "msg");
        if ("sub".equals(msg)) {
            sub(c, frame);
        } else if ("unsub".equals(msg)) {
            unsub(c, frame);
        } else if ("method".equals(msg)) {
            method(c, frame);
        } else {
            sendError(c, "Bad request", frame);
        }
    }

    private void connect(DdpConnection c, ObjectNode frame) {
        JsonNode version = frame.get("version");
        JsonNode support = frame.get("support");
        boolean valid = version != null && version.isTextual() && support != null && support.isArray();
        if (valid) {
            boolean contains = false;
            for (JsonNode s : support) {
                valid &= s.isTextual();
                contains |= s.isTextual() && s.asText().equals(version.asText());
            }
            valid &= contains;
        }
        if (!valid) {
            failed(c, SUPPORTED[0]);
            return;
        }
        String chosen = SUPPORTED[0];
        outer:
        for (JsonNode s : support) {
            for (String mine : SUPPORTED) {
                if (mine.equals(s.asText())) {
                    chosen = mine;
                    break outer;
                }
            }
        }
        if (!chosen.equals(version.asText())) {
            failed(c, chosen);
            return;
        }
        established(c, chosen, core.ids.id());
    }

    void established(DdpConnection c, String version, String session) {
        c.version = version;
        c.sessionId = session;
        ObjectNode connected = Json.obj();
        connected.put("msg", "connected");
        connected.put("session", session);
        c.send(connected);
        core.heartbeat.onConnected(c);
    }

    private void failed(DdpConnection c, String version) {
        ObjectNode f = Json.obj();
        f.put("msg", "failed");
        f.put("version", version);
        c.send(f);
        c.close(1000, "");
    }

    void pong(DdpConnection c, JsonNode ping) {
        ObjectNode pong = Json.obj();
        pong.put("msg", "pong");
        if (ping.has("id")) {
            pong.set("id", ping.get("id"));
        }
        c.send(pong);
    }

    void sendError(DdpConnection c, String reason, JsonNode offending) {
        ObjectNode e = Json.obj();
        e.put("msg", "error");
        e.put("reason", reason);
        if (offending != null) {
            e.set("offendingMessage", offending);
        }
        c.send(e);
    }

    void sub(DdpConnection c, ObjectNode frame) {
        JsonNode params = frame.get("params");
        if (!Json.isString(frame.get("id")) || !Json.isString(frame.get("name"))
                || (frame.has("params") && (params == null || !params.isArray()))) {
            if (core.dialect.streamer()) {
                c.close(1002, "PROTOCOL_ERROR");
            } else {
                sendError(c, "Malformed subscription", frame);
            }
            return;
        }
        core.publications.subscribe(c, frame.get("id").asText(), frame.get("name").asText(),
                params == null ? Json.arr() : (ArrayNode) params);
    }

    void unsub(DdpConnection c, ObjectNode frame) {
        JsonNode id = frame.get("id");
        String subId = id != null && id.isTextual() ? id.asText() : null;
        boolean known = subId != null && c.subs.containsKey(subId);
        if (known) {
            core.publications.stop(c, subId);
        }
        if (known || !core.dialect.streamer()) {
            ObjectNode nosub = Json.obj();
            nosub.put("msg", "nosub");
            if (id != null) {
                nosub.set("id", id);
            }
            c.send(nosub);
        }
    }

    void method(DdpConnection c, ObjectNode frame) {
        JsonNode params = frame.get("params");
        if (!Json.isString(frame.get("id")) || !Json.isString(frame.get("method"))
                || (frame.has("params") && (params == null || !params.isArray()))
                || (frame.has("randomSeed") && !Json.isString(frame.get("randomSeed")))) {
            if (core.dialect.streamer()) {
                c.close(1002, "PROTOCOL_ERROR");
            } else {
                sendError(c, "Malformed method invocation", frame);
            }
            return;
        }
        String id = frame.get("id").asText();
        String name = frame.get("method").asText();
        ArrayNode args = params == null || !params.isArray() ? Json.arr() : (ArrayNode) params;
        core.methods.invoke(c, id, name, args);
    }
}
