package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (8 digits) and the 6-digit form Rocket.Chat uses. */
class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Vectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] sha1 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        String[] sha256 = {"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"};
        String[] sha512 = {"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"};
        for (int i = 0; i < times.length; i++) {
            long step = times[i] / 30;
            assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1[i]);
            assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256[i]);
            assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512[i]);
        }
    }

    @Test
    void sixDigitCodeIsTheLastSixOfTheRfcValue() {
        assertThat(Totp.code(SHA1_KEY, 59_000L)).isEqualTo("287082");
    }

    @Test
    void verifyAcceptsOneStepEitherSide() {
        long now = 1111111109_000L;
        String code = Totp.code(SHA1_KEY, now);
        assertThat(Totp.verify(SHA1_KEY, code, now + 30_000, 1)).isTrue();
        assertThat(Totp.verify(SHA1_KEY, code, now - 30_000, 1)).isTrue();
        assertThat(Totp.verify(SHA1_KEY, code, now + 90_000, 1)).isFalse();
        assertThat(Totp.verify(SHA1_KEY, "12345", now, 1)).isFalse();
    }

    @Test
    void base32() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
    }
}
