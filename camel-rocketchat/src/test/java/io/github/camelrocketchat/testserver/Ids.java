package io.github.camelrocketchat.testserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/** Meteor-style random ids and secrets, and the hashes the server stores instead of secrets. */
final class Ids {

    private static final String UNMISTAKABLE = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BASE64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** Touched only on the server thread (and by the builder before start). */
    private final Random random;

    Ids(Random random) {
        this.random = random;
    }

    static Ids secure() {
        return new Ids(new SecureRandom());
    }

    /** A 17-character {@code Random.id()}. */
    String id() {
        return pick(UNMISTAKABLE, 17);
    }

    /** A 43-character {@code Random.secret()}, used for login tokens. */
    String secret() {
        return pick(BASE64_CHARS, 43);
    }

    /** A version-1-shaped UUID, as ddp-streamer uses for session ids. */
    String uuidV1() {
        long msb = (random.nextLong() & ~0xF000L) | 0x1000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String pick(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 text: what Meteor clients send as the password digest. */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Meteor's {@code hashLoginToken}: SHA-256, standard base64. */
    static String hashToken(String token) {
        return Base64.getEncoder().encodeToString(sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Constant-time comparison for digests. */
    static boolean sameSecret(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
