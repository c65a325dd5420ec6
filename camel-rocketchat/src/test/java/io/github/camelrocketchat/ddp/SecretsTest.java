package io.github.camelrocketchat.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.protocol.DdpError;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.LogCapture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** No password, digest, token or TOTP code in logs (at any level), exception messages or toString(). */
class SecretsTest {
    private static final String PASSWORD = "Pa55-w0rd-SECRET";
    private static final String TOKEN = "tok-SECRET-f1Vb43charsxxxxxxxxxxxxxxxxxxxxxx";
    private static final String CODE = "913577";

    @Test
    void traceFrameLogsRedactEverySecretOfAFullLoginConversation() {
        String digest = io.github.camelrocketchat.ddp.internal.Passwords.sha256Hex(PASSWORD);
        try (LogCapture logs = new LogCapture(); ClientHarness h = new ClientHarness()) {
            h.connect();
            CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", PASSWORD), () -> CODE);
            h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
            h.serverSends("{'msg':'result','id':'1','error':" + LoginTest.TOTP_REQUIRED + "}");
            h.expectSent("{'msg':'method','id':'2','method':'login','params':'*'}");
            h.serverSends("{'msg':'result','id':'2','result':{'id':'u1','token':'" + TOKEN + "',"
                    + "'tokenExpires':{'$date':1},'type':'password'}}");
            LoginResult r = f.join();
            h.client.login(LoginRequest.resume(TOKEN), null);
            h.expectSent("{'msg':'method','id':'3','method':'login','params':[{'resume':'" + TOKEN + "'}]}");
            h.client.call("livechat:registerGuest", List.of(Map.of("token", TOKEN, "authToken", TOKEN)));
            h.expectSent("{'msg':'method','id':'4','method':'livechat:registerGuest','params':'*'}");
            h.serverSends("{'msg':'changed','collection':'stream-livechat-room','id':'id','fields':{'eventName':'r',"
                    + "'args':[{'visitor':{'token':'" + TOKEN + "'}}]}}");

            assertThat(logs.at(Level.TRACE)).as("frames are traced").hasSizeGreaterThanOrEqualTo(8);
            String all = logs.all();
            assertThat(all).contains("\"password\":\"******\"").contains("\"code\":\"******\"").contains("totp-required");
            assertThat(all).doesNotContain(PASSWORD).doesNotContain(digest).doesNotContain(TOKEN).doesNotContain(CODE);
            assertThat(r.toString()).doesNotContain(TOKEN).contains("u1");
        }
    }

    @Test
    void toStringsNeverShowSecrets() {
        assertThat(LoginRequest.password("alice", PASSWORD).toString()).doesNotContain(PASSWORD).contains("alice");
        assertThat(LoginRequest.resume(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new LoginResult("u", TOKEN, Instant.EPOCH, "resume").toString()).doesNotContain(TOKEN);
        assertThat(new DdpMessage.Method("1", "login", List.of(Map.of("resume", TOKEN))).toString())
                .doesNotContain(TOKEN).contains("login");
        assertThat(new DdpMessage.Result("1", Map.of("token", TOKEN), null).toString()).doesNotContain(TOKEN);
        assertThat(new DdpMessage.Result("1", null, new DdpError("totp-invalid", "TOTP Invalid", null, null, null))
                .toString()).contains("totp-invalid");
        assertThat(DdpClientOptions.builder("https://chat.example.test").build().toString())
                .contains("wss://chat.example.test/websocket");
    }

    @Test
    void exceptionsAboutLoginCallsCarryNoParams() {
        try (ClientHarness h = new ClientHarness(b -> b.methodTimeout(java.time.Duration.ofSeconds(1)))) {
            h.connect();
            CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", PASSWORD), () -> CODE);
            h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
            h.advance(java.time.Duration.ofSeconds(1));
            Throwable e = f.handle((v, t) -> t).join();
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                text.append(t).append('\n');
            }
            assertThat(text.toString()).contains("'login' (id 1)").doesNotContain(PASSWORD)
                    .doesNotContain(io.github.camelrocketchat.ddp.internal.Passwords.sha256Hex(PASSWORD));
        }
    }
}
