package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.testserver.TestClock;
import io.github.camelrocketchat.testserver.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * TOTP codes from the configured secret (checked against RFC 6238's vectors and the test server's own generator),
 * sent at start and at every re-login; two-factor refusals say what to configure and never show the secret.
 */
class TwoFactorLoginTest {
    /** RFC 6238 appendix B's SHA1 key, "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final FakeDdpConnection ddp = new FakeDdpConnection();
    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));

    @Test
    void codesFollowRfc6238() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(TotpCodes.decodeBase32(RFC_SECRET)).isEqualTo(key);
        assertThat(TotpCodes.decodeBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq====")).isEqualTo(key);
        long[][] vectors = {{59, 287082}, {1111111109, 81804}, {1111111111, 50471}, {1234567890, 5924}, {2000000000, 279037},
            {20000000000L, 353130}};
        for (long[] v : vectors) {
            TestClock at = new TestClock(Instant.ofEpochSecond(v[0]));
            assertThat(TotpCodes.of(RFC_SECRET, at).get()).as("T=%d", v[0]).isEqualTo(String.format("%06d", v[1]));
        }
        // the test server's independent implementation agrees
        assertThat(TotpCodes.of(SECRET, clock).get()).isEqualTo(Totp.code(TotpCodes.decodeBase32(SECRET), clock.millis()));
        assertThat(TotpCodes.of(SECRET, clock).toString()).doesNotContain(SECRET);
    }

    @Test
    void aSecretThatIsNotBase32IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Credentials.password("bot", "pw", "JBSWY3DPEHPK3PX1JBSWY3DP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totpSecret is not base32: character 16 of 24")
                .hasMessageNotContaining("JBSWY3");
        assertThatThrownBy(() -> Credentials.password("bot", "pw", "JBSWY3DP")).hasMessageContaining("too short");
        assertThatThrownBy(() -> Credentials.password("bot", "pw", " = ")).hasMessageContaining("empty");
    }

    @Test
    void theSecretIsInNoToStringAndSplitsConnectionsOnlyAsAHash() {
        Credentials with = Credentials.password("bot", "pw", SECRET);
        assertThat(with.toString()).doesNotContain(SECRET).contains("totpSecret=******");
        ConnectionKey key = ConnectionKey.of("https://chat.example.test", with, null);
        assertThat(key.toString()).doesNotContain(SECRET);
        assertThat(key.secretHash()).doesNotContain(SECRET);
        assertThat(key).isEqualTo(ConnectionKey.of("https://chat.example.test", Credentials.password("bot", "pw", SECRET), null))
                .isNotEqualTo(ConnectionKey.of("https://chat.example.test", Credentials.password("bot", "pw"), null));
        assertThat(ConnectionKey.of("https://chat.example.test", Credentials.password("bot", "pw"), null).secretHash())
                .as("unchanged without a TOTP secret").isEqualTo(ConnectionKey.of("https://chat.example.test",
                        Credentials.password("bot", "pw"), null).secretHash());
    }

    @Test
    void theCodeOfTheMomentIsSentAtStartAndAtEveryReloginWithTheCredentials() throws Exception {
        ddp.totpRequired = true;
        RocketChatSession s = session(Credentials.password("bot", "pw", SECRET));
        s.start().get(5, TimeUnit.SECONDS);
        String first = Totp.code(TotpCodes.decodeBase32(SECRET), clock.millis());
        assertThat(ddp.totpCodes).containsExactly(first);

        // a reconnect whose resume token is refused logs in with the credentials: a new code, of the new moment
        clock.advance(Duration.ofMinutes(5));
        ddp.drop("gone");
        ddp.resumeFailure = FakeDdpConnection.error(403, "Your session has expired. Please log in again.", "login");
        ddp.restore().get(5, TimeUnit.SECONDS);
        String second = Totp.code(TotpCodes.decodeBase32(SECRET), clock.millis());
        assertThat(second).isNotEqualTo(first);
        assertThat(ddp.totpCodes).containsExactly(first, second);
        s.close();
    }

    @Test
    void anEmailChallengeFailsTheStartSayingWhatToConfigure() {
        ddp.loginFailure = challenge("totp-required", "email");
        RocketChatSession s = session(Credentials.password("bot", "pw", SECRET));
        assertThatThrownBy(() -> s.start().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(SessionException.class)
                .hasMessageContaining("a two-factor code it sent by e-mail")
                .hasMessageContaining("Accounts_TwoFactorAuthentication_By_Email_Enabled")
                .hasMessageContaining("totpSecret").hasMessageContaining("personal access token (authToken and userId)")
                .hasMessageContaining("[totp-required]").hasMessageNotContaining(SECRET)
                .satisfies(e -> {
                    SessionException se = (SessionException) e;
                    assertThat(se.kind()).isEqualTo(SessionException.Kind.NOT_AUTHORIZED);
                    assertThat(se.error()).isEqualTo("totp-required");
                    assertThat(se.details()).containsEntry("method", "email");
                });
        assertThat(s.state()).isEqualTo(SessionState.FAILED);
    }

    @Test
    void aTotpUserWithoutASecretIsToldToSetOne() {
        ddp.loginFailure = challenge("totp-required", "totp");
        RocketChatSession s = session(Credentials.password("bot", "pw"));
        assertThatThrownBy(() -> s.start().get(5, TimeUnit.SECONDS)).cause()
                .hasMessageContaining("the user has TOTP two-factor authentication. Set totpSecret");
    }

    @Test
    void aRefusedCodePointsAtTheSecretAndTheClock() {
        ddp.loginFailure = challenge("totp-invalid", "totp");
        RocketChatSession s = session(Credentials.password("bot", "pw", SECRET));
        assertThatThrownBy(() -> s.start().get(5, TimeUnit.SECONDS)).cause()
                .hasMessageContaining("refused the TOTP code made from totpSecret").hasMessageContaining("clock")
                .hasMessageContaining("[totp-invalid]");
    }

    private RocketChatSession session(Credentials credentials) {
        SessionSettings settings = SessionSettings.of(ClosedPort.webSocketUrl(), credentials, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofSeconds(2), SessionSettings.Reconnect.defaults());
        return new RocketChatSession(settings, ddp::use, null, clock);
    }

    private static DdpMethodException challenge(String code, String method) {
        return new DdpMethodException(code, "TOTP Required", Map.of("method", method, "codeGenerated", true),
                "TOTP Required [" + code + "]", "login", "1");
    }
}
