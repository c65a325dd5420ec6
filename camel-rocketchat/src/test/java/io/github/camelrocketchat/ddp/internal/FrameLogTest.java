package io.github.camelrocketchat.ddp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the trace would show, without a log capture: the logger is not at TRACE while the call goes out. */
class FrameLogTest {

    @Test
    void aSensitiveCallSentWhileNotTracingStillHasItsResultMasked() {
        FrameLog.outbound("conn-a", "{\"msg\":\"method\",\"id\":\"9\",\"method\":\"personalAccessTokens:regenerateToken\","
                + "\"params\":[\"camel\"]}");
        // the same id on another connection answers another call: not masked
        assertThat(FrameLog.redact("conn-b", "{\"msg\":\"result\",\"id\":\"9\",\"result\":\"room-id\"}")).contains("room-id");
        assertThat(FrameLog.redact("conn-a", "{\"msg\":\"result\",\"id\":\"9\",\"result\":\"PAT-SECRET\"}"))
                .isEqualTo("{\"msg\":\"result\",\"id\":\"9\",\"result\":\"******\"}");
        // answered once: a later result with that id (a new client of the same name) is shown
        assertThat(FrameLog.redact("conn-a", "{\"msg\":\"result\",\"id\":\"9\",\"result\":\"x\"}")).contains("\"x\"");
    }

    @Test
    void theMemoryOfSensitiveCallsIsBounded() {
        for (int i = 0; i < 1000; i++) {
            SensitiveCalls.noteOutbound("bounded", "{\"msg\":\"method\",\"id\":\"" + i + "\",\"method\":\"2fa:enable\",\"params\":[]}");
        }
        assertThat(SensitiveCalls.takeResult("bounded", "0")).isFalse();
        assertThat(SensitiveCalls.takeResult("bounded", "999")).isTrue();
    }

    @Test
    void otpauthUrlsAndKeysAreMaskedAnywhere() {
        assertThat(FrameLog.redact("{\"msg\":\"changed\",\"fields\":{\"args\":[\"otpauth://totp/x?secret=ABC\",{\"twoFactorCode\":\"1\","
                + "\"private_key\":\"k\",\"newPassword\":\"p\",\"typedPassword\":\"d\",\"E2EKey\":\"e\"}]}}"))
                .isEqualTo("{\"msg\":\"changed\",\"fields\":{\"args\":[\"******\",{\"twoFactorCode\":\"******\","
                        + "\"private_key\":\"******\",\"newPassword\":\"******\",\"typedPassword\":\"******\",\"E2EKey\":\"******\"}]}}");
    }
}
