package io.github.camelrocketchat.producer;

import java.security.SecureRandom;

/**
 * Message ids chosen by the client, in Meteor's style (17 characters of its unambiguous alphabet). Sending the
 * id with {@code sendMessage} makes a resend of the same exchange idempotent: the server keeps one message.
 */
final class MessageIds {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    static String newId() {
        char[] out = new char[17];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
