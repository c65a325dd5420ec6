package io.github.camelrocketchat.testserver;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 s steps, 6 digits as authenticator apps and
 * Rocket.Chat use), written for the test server. Public so tests can compute the code a user would type.
 */
public final class Totp {

    /** Length of a time step in seconds. */
    public static final long STEP_SECONDS = 30;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The 6-digit code for this secret at this instant. */
    public static String code(byte[] secret, long epochMillis) {
        return code(secret, Math.floorDiv(epochMillis / 1000, STEP_SECONDS), 6, "HmacSHA1");
    }

    /**
     * RFC 6238 / RFC 4226 for one counter value.
     *
     * @param counter   the time step number ({@code floor(unixSeconds / 30)})
     * @param digits    number of digits (6 or 8)
     * @param algorithm {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
     */
    public static String code(byte[] secret, long counter, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0F;
            int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                    | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + algorithm + " unavailable", e);
        }
    }

    /** Accepts the code of the current step or of {@code window} steps either side (Rocket.Chat's max delta 1). */
    static boolean verify(byte[] secret, String code, long nowMillis, int window) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        long step = Math.floorDiv(nowMillis / 1000, STEP_SECONDS);
        boolean ok = false;
        for (long s = step - window; s <= step + window; s++) {
            ok |= MessageDigest.isEqual(code(secret, s, 6, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }

    /** RFC 4648 base32 without padding, the form authenticator apps take. */
    public static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }
}
