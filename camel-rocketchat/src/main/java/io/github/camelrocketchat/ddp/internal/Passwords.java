package io.github.camelrocketchat.ddp.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The password digest Meteor's {@code accounts-password} expects. */
public final class Passwords {
    private Passwords() {
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code password} (64 characters). */
    public static String sha256Hex(String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
