package io.github.camelrocketchat.ddp.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.protocol.DdpMessage.*;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Text frame &lt;-&gt; {@link DdpMessage}. One Jackson parse per inbound frame (into plain maps and lists), then
 * EJSON conversion of the payload fields only. Stateless and thread-safe; one shared {@link ObjectMapper}.
 */
public final class DdpCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.readerFor(Object.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DdpCodec() {
    }

    /** The shared mapper (plain JSON, no EJSON); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Decodes one text frame. Frames without {@code msg}, or with a {@code msg} this client does not know,
     * become {@link Unknown}.
     *
     * @throws BadFrameException when the frame is not JSON, not an object, or a known {@code msg} has fields of
     *                           the wrong type
     */
    @SuppressWarnings("unchecked")
    public static DdpMessage decode(String text) throws BadFrameException {
        Object root;
        try {
            root = READER.readValue(text);
        } catch (JsonProcessingException e) {
            throw new BadFrameException(BadFrameKind.INVALID_JSON, "not valid JSON" + where(e.getLocation())
                    + " in a frame of " + text.length() + " chars", null, null);
        } catch (IOException e) {
            throw new BadFrameException(BadFrameKind.INVALID_JSON, "unreadable frame: " + e.getClass().getSimpleName(),
                    null, null);
        }
        if (!(root instanceof Map)) {
            throw new BadFrameException(BadFrameKind.NOT_AN_OBJECT, "a JSON " + Fields.typeName(root)
                    + " where a DDP message object was expected", null, null);
        }
        Map<String, Object> f = (Map<String, Object>) root;
        Object msgValue = f.get("msg");
        if (msgValue == null) {
            return new Unknown(null);
        }
        String id = f.get("id") instanceof String s ? s : null;
        if (!(msgValue instanceof String msg)) {
            throw new BadFrameException(BadFrameKind.WRONG_FIELD_TYPE, "field 'msg' must be a string, was a "
                    + Fields.typeName(msgValue), null, id);
        }
        try {
            return decode(msg, new Fields(f));
        } catch (IllegalArgumentException e) {
            throw new BadFrameException(BadFrameKind.WRONG_FIELD_TYPE, "'" + msg + "' frame: " + e.getMessage(), msg, id);
        }
    }

    private static DdpMessage decode(String msg, Fields f) {
        switch (msg) {
            case "changed":
                return new Changed(f.str("collection"), f.str("id"), f.fields(), f.strList("cleared", false));
            case "added":
                return new Added(f.str("collection"), f.str("id"), f.fields());
            case "removed":
                return new Removed(f.str("collection"), f.str("id"));
            case "result":
                return new Result(f.str("id"), f.ejson("result"), f.error());
            case "updated":
                return new Updated(f.strList("methods", true));
            case "ping":
                return new Ping(f.optStr("id"));
            case "pong":
                return new Pong(f.optStr("id"));
            case "ready":
                return new Ready(f.strList("subs", true));
            case "nosub":
                return new Nosub(f.str("id"), f.error());
            case "addedBefore":
                return new AddedBefore(f.str("collection"), f.str("id"), f.fields(), f.optStr("before"));
            case "movedBefore":
                return new MovedBefore(f.str("collection"), f.str("id"), f.optStr("before"));
            case "connected":
                return new Connected(f.str("session"));
            case "failed":
                return new Failed(f.optStr("version"));
            case "error":
                return new ConnectionError(f.optStr("reason"), f.optMap("offendingMessage"));
            case "connect":
                return new Connect(f.str("version"), f.strList("support", false));
            case "method":
                return new Method(f.str("id"), f.str("method"), f.params());
            case "sub":
                return new Sub(f.str("id"), f.str("name"), f.params());
            case "unsub":
                return new Unsub(f.str("id"));
            default:
                return new Unknown(msg);
        }
    }

    /**
     * Encodes a message as one text frame.
     *
     * @throws IllegalArgumentException when a payload holds a value EJSON cannot carry (the message names where)
     */
    public static String encode(DdpMessage m) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            MessageWriter.write(g, m);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getCharOffset() < 0) {
            return "";
        }
        return " at char " + location.getCharOffset();
    }

    /** Used by {@link MessageWriter} for payloads. */
    static void writeParams(JsonGenerator g, String field, List<?> params) throws IOException {
        if (params != null) {
            g.writeFieldName(field);
            Ejson.write(g, params, field);
        }
    }
}
