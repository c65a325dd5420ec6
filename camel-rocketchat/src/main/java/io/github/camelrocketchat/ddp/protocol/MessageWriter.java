package io.github.camelrocketchat.ddp.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelrocketchat.ddp.protocol.DdpMessage.*;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes the members of one message, in the order Meteor uses, between the braces {@link DdpCodec} writes. */
final class MessageWriter {
    private MessageWriter() {
    }

    static void write(JsonGenerator g, DdpMessage m) throws IOException {
        if (m instanceof Method x) {
            msg(g, "method");
            g.writeStringField("id", x.id());
            g.writeStringField("method", x.method());
            DdpCodec.writeParams(g, "params", x.params());
        } else if (m instanceof Pong x) {
            msg(g, "pong");
            optional(g, "id", x.id());
        } else if (m instanceof Ping x) {
            msg(g, "ping");
            optional(g, "id", x.id());
        } else if (m instanceof Sub x) {
            msg(g, "sub");
            g.writeStringField("id", x.id());
            g.writeStringField("name", x.name());
            DdpCodec.writeParams(g, "params", x.params());
        } else if (m instanceof Unsub x) {
            msg(g, "unsub");
            g.writeStringField("id", x.id());
        } else if (m instanceof Connect x) {
            msg(g, "connect");
            g.writeStringField("version", x.version());
            strings(g, "support", x.support());
        } else {
            writeServerMessage(g, m);
        }
    }

    /** Server-to-client messages: the client never sends them, but tests and tools may encode them. */
    private static void writeServerMessage(JsonGenerator g, DdpMessage m) throws IOException {
        if (m instanceof Connected x) {
            msg(g, "connected");
            g.writeStringField("session", x.session());
        } else if (m instanceof Failed x) {
            msg(g, "failed");
            optional(g, "version", x.version());
        } else if (m instanceof Result x) {
            msg(g, "result");
            g.writeStringField("id", x.id());
            if (x.error() != null) {
                error(g, x.error());
            } else if (x.result() != null) {
                g.writeFieldName("result");
                Ejson.write(g, x.result(), "result");
            }
        } else if (m instanceof Updated x) {
            msg(g, "updated");
            strings(g, "methods", x.methods());
        } else if (m instanceof Ready x) {
            msg(g, "ready");
            strings(g, "subs", x.subs());
        } else if (m instanceof Nosub x) {
            msg(g, "nosub");
            g.writeStringField("id", x.id());
            if (x.error() != null) {
                error(g, x.error());
            }
        } else {
            writeDataMessage(g, m);
        }
    }

    private static void writeDataMessage(JsonGenerator g, DdpMessage m) throws IOException {
        if (m instanceof Added x) {
            doc(g, "added", x.collection(), x.id());
            fields(g, x.fields());
        } else if (m instanceof Changed x) {
            doc(g, "changed", x.collection(), x.id());
            fields(g, x.fields());
            if (!x.cleared().isEmpty()) {
                strings(g, "cleared", x.cleared());
            }
        } else if (m instanceof Removed x) {
            doc(g, "removed", x.collection(), x.id());
        } else if (m instanceof AddedBefore x) {
            doc(g, "addedBefore", x.collection(), x.id());
            fields(g, x.fields());
            g.writeStringField("before", x.before());
        } else if (m instanceof MovedBefore x) {
            doc(g, "movedBefore", x.collection(), x.id());
            g.writeStringField("before", x.before());
        } else if (m instanceof ConnectionError x) {
            msg(g, "error");
            optional(g, "reason", x.reason());
            if (x.offendingMessage() != null) {
                g.writeObjectField("offendingMessage", x.offendingMessage());
            }
        } else if (m instanceof Unknown x) {
            optional(g, "msg", x.msg());
        } else {
            throw new IllegalArgumentException("cannot encode " + m.getClass().getSimpleName());
        }
    }

    private static void msg(JsonGenerator g, String msg) throws IOException {
        g.writeStringField("msg", msg);
    }

    private static void doc(JsonGenerator g, String msg, String collection, String id) throws IOException {
        msg(g, msg);
        g.writeStringField("collection", collection);
        g.writeStringField("id", id);
    }

    private static void fields(JsonGenerator g, Map<String, Object> fields) throws IOException {
        if (fields != null && !fields.isEmpty()) {
            g.writeFieldName("fields");
            Ejson.write(g, fields, "fields");
        }
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Plain JSON, not EJSON (servers do not convert error objects). */
    private static void error(JsonGenerator g, DdpError e) throws IOException {
        g.writeObjectFieldStart("error");
        if (e.error() != null) {
            g.writeObjectField("error", e.error());
        }
        optional(g, "reason", e.reason());
        if (e.details() != null) {
            g.writeObjectField("details", e.details());
        }
        optional(g, "message", e.message());
        optional(g, "errorType", e.errorType());
        g.writeEndObject();
    }
}
