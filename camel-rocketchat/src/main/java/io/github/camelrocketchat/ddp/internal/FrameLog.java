package io.github.camelrocketchat.ddp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRACE logging of every frame in and out, with secrets replaced by {@code ******}. Costs nothing unless the
 * {@code io.github.camelrocketchat.ddp.frames} logger is at TRACE.
 */
public final class FrameLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.camelrocketchat.ddp.frames");
    /** Keys whose values are secrets wherever they appear in a frame. */
    static final Set<String> SECRET_KEYS = Set.of("password", "digest", "resume", "token", "code", "authToken");
    private static final TextNode MASK = TextNode.valueOf("******");

    private FrameLog() {
    }

    public static void inbound(String name, String frame) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} << {}", name, redact(frame));
        }
    }

    public static void outbound(String name, String frame) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} >> {}", name, redact(frame));
        }
    }

    /** The frame with every secret value masked; an unparsable frame is not shown at all. */
    public static String redact(String frame) {
        try {
            JsonNode root = DdpCodec.mapper().readTree(frame);
            mask(root);
            return root.toString();
        } catch (Exception e) {
            return "<unparsable frame of " + frame.length() + " chars>";
        }
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (SECRET_KEYS.contains(e.getKey())) {
                    e.setValue(MASK);
                } else {
                    mask(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(FrameLog::mask);
        }
    }
}
