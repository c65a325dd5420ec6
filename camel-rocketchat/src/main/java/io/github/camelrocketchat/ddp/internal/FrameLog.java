package io.github.camelrocketchat.ddp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TRACE logging of every frame in and out, with secrets replaced by {@code ******}: values of {@link #SECRET_KEYS}
 * anywhere in a frame, {@code otpauth://} URLs anywhere, and the params and result of the methods in
 * {@link SensitiveCalls#METHODS} as a whole (a personal access token is a bare string result). Costs a prefix match
 * per outbound frame unless the {@code io.github.camelrocketchat.ddp.frames} logger is at TRACE.
 */
public final class FrameLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.camelrocketchat.ddp.frames");
    /** Keys whose values are secrets wherever they appear in a frame. */
    static final Set<String> SECRET_KEYS = Set.of("password", "digest", "resume", "token", "code", "authToken",
            // two-factor: the code of a sensitive method, the TOTP secret of 2fa:enable, backup codes
            "twoFactorCode", "secret", "codes", "backupCodes",
            // password changes and the other login shapes
            "newPassword", "typedPassword", "currentPassword", "pass", "ldapPass", "crowdPassword", "hashedToken",
            // end-to-end encryption: the user's private key, a room key encrypted for the user, a suggested one
            "private_key", "E2EKey", "E2ESuggestedKey", "e2eKey");
    private static final TextNode MASK = TextNode.valueOf("******");

    private FrameLog() {
    }

    public static void inbound(String name, String frame) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} << {}", name, redact(name, frame));
        }
    }

    public static void outbound(String name, String frame) {
        SensitiveCalls.noteOutbound(name, frame);
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} >> {}", name, redact(name, frame));
        }
    }

    /** The frame with every secret value masked; an unparsable frame is not shown at all. */
    public static String redact(String frame) {
        return redact(null, frame);
    }

    /**
     * @param name the connection the frame belongs to, so that the result of a sensitive call it made is masked
     *             (null: no call is known)
     */
    static String redact(String name, String frame) {
        try {
            JsonNode root = DdpCodec.mapper().readTree(frame);
            if (root instanceof ObjectNode o) {
                maskSensitiveCall(name, o);
            }
            mask(root);
            return root.toString();
        } catch (Exception e) {
            return "<unparsable frame of " + frame.length() + " chars>";
        }
    }

    private static void maskSensitiveCall(String name, ObjectNode frame) {
        String msg = frame.path("msg").asText();
        if ("method".equals(msg) && SensitiveCalls.METHODS.contains(frame.path("method").asText())
                && frame.get("params") instanceof ArrayNode params) {
            for (int i = 0; i < params.size(); i++) {
                params.set(i, MASK);
            }
        } else if ("result".equals(msg) && name != null && SensitiveCalls.takeResult(name, frame.path("id").asText())
                && frame.has("result")) {
            frame.set("result", MASK);
        }
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (SECRET_KEYS.contains(e.getKey()) || isOtpAuthUrl(e.getValue())) {
                    e.setValue(MASK);
                } else {
                    mask(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isOtpAuthUrl(array.get(i))) {
                    array.set(i, MASK);
                } else {
                    mask(array.get(i));
                }
            }
        }
    }

    /** {@code otpauth://totp/...?secret=...}: the TOTP secret in the form an authenticator app scans. */
    private static boolean isOtpAuthUrl(JsonNode node) {
        return node != null && node.isTextual() && node.asText().regionMatches(true, 0, "otpauth:", 0, 8);
    }
}
