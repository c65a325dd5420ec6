package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ddp-streamer's framing rules (reference A.2, A.7): no version negotiation, close 1002 for a first frame
 * other than {@code connect} and for a method/sub/unsub without its ids, unknown {@code msg} types ignored.
 */
final class StreamerFraming {

    private static final Logger LOG = LoggerFactory.getLogger(StreamerFraming.class);

    private final ServerCore core;
    private final DdpProtocol protocol;

    StreamerFraming(ServerCore core, DdpProtocol protocol) {
        this.core = core;
        this.protocol = protocol;
    }

    /** ddp-streamer's Session: no negotiation, harsh on bad frames, ignores unknown types. */
    void onFrame(DdpConnection c, ObjectNode frame) {
        if (frame == null) {
            c.close(1007, "UNSUPPORTED_DATA");
            return;
        }
        String msg = Json.text(frame, "msg");
        if (!c.connected()) {
            if ("connect".equals(msg)) {
                protocol.established(c, "1", core.ids.uuidV1());
            } else {
                c.close(1002, "PROTOCOL_ERROR");
            }
            return;
        }
        switch (msg == null ? "" : msg) {
            case "ping" -> protocol.pong(c, frame);
            case "method" -> {
                if (!Json.isString(frame.get("method")) || !Json.isString(frame.get("id"))) {
                    c.close(1002, "PROTOCOL_ERROR");
                } else if (c.busy) {
                    c.queued.add(frame);
                } else {
                    protocol.method(c, frame);
                }
            }
            case "sub" -> {
                if (!Json.isString(frame.get("name")) || !Json.isString(frame.get("id"))) {
                    c.close(1002, "PROTOCOL_ERROR");
                } else if (c.busy) {
                    c.queued.add(frame);
                } else {
                    protocol.sub(c, frame);
                }
            }
            case "unsub" -> {
                if (!Json.isString(frame.get("id"))) {
                    c.close(1002, "PROTOCOL_ERROR");
                } else if (c.busy) {
                    c.queued.add(frame);
                } else {
                    protocol.unsub(c, frame);
                }
            }
            default -> LOG.trace("ddp-streamer ignores msg {}", msg);
        }
    }
}
