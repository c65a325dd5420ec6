package io.github.camelrocketchat.session;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps and Rocket.Chat make them: HMAC-SHA1 over the number
 * of 30-second steps since the epoch, 6 digits, from a base32 (RFC 4648) secret. The time comes from the given
 * {@link Clock}. Neither the secret nor a code ever appears in {@code toString()} or an exception message.
 * Thread-safe.
 */
final class TotpCodes implements Supplier<String> {
    static final long STEP_SECONDS = 30;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;
    private final Clock clock;

    private TotpCodes(byte[] key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Codes for {@code base32Secret}, or null when there is none. */
    static TotpCodes of(String base32Secret, Clock clock) {
        return base32Secret == null ? null : new TotpCodes(decodeBase32(base32Secret), clock);
    }

    /** The code of the current 30-second step. */
    @Override
    public String get() {
        return code(key, Math.floorDiv(clock.millis(), STEP_SECONDS * 1000));
    }

    /** RFC 4226 HOTP with HMAC-SHA1, 6 digits, for one counter value (the step number). */
    static String code(byte[] key, long counter) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }

    /**
     * RFC 4648 base32, as authenticator apps are given it: case, spaces, dashes and trailing {@code =} padding are
     * ignored.
     *
     * @throws IllegalArgumentException naming what is wrong (never a character of the secret)
     */
    static byte[] decodeBase32(String secret) {
        String s = secret.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        while (s.endsWith("=")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("totpSecret is empty; give the base32 secret shown when TOTP was set up");
        }
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("totpSecret is not base32: character " + (i + 1) + " of " + s.length()
                        + " is not one of A-Z and 2-7");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        if (out.length < 10) {
            throw new IllegalArgumentException("totpSecret is too short for a TOTP secret (" + out.length
                    + " bytes; authenticators use 10 or more)");
        }
        return out;
    }

    @Override
    public String toString() {
        return "TotpCodes[secret=******, step=" + STEP_SECONDS + "s, digits=6]";
    }
}
