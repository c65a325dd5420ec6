package io.github.camelrocketchat.examples;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * Turns a JMS text message into the Rocket.Chat message that {@code jms-to-chat} (route 7) posts: the text, and an
 * {@code _id} derived from the {@code JMSMessageID}.
 *
 * <p>Why a derived id: the route's JMS session is transacted, so a message whose post went through but whose commit
 * did not (the JVM died in between) is delivered again. The same JMS message then gives the same {@code _id}, and
 * Rocket.Chat, which stores one message per {@code _id}, keeps the first post only (the component then completes
 * the exchange with the stored message).
 */
public final class JmsChatMessage {

    /** Meteor's id alphabet (no 0, 1, I, O, l, ...): Rocket.Chat ids are 17 of these. */
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int LENGTH = 17;

    private JmsChatMessage() {
    }

    /** The message document {@code {"_id": ..., "msg": text}} for {@code rocketchat:sendMessage}. */
    public static Map<String, Object> toMessage(@Header("JMSMessageID") String jmsMessageId, @Body String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (jmsMessageId != null) {
            message.put("_id", idFor(jmsMessageId));
        }
        message.put("msg", text);
        return message;
    }

    /** A Rocket.Chat message id that depends only on the JMS message id. */
    public static String idFor(String jmsMessageId) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(jmsMessageId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
        }
        return id.toString();
    }
}
