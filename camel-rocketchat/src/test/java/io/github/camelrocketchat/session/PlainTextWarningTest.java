package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ws:// (and so http://) to a host that is not loopback: one WARN per session, naming the replayable digest. */
class PlainTextWarningTest {

    private static SessionSettings settings(String url, Credentials credentials) {
        return SessionSettings.of(url, credentials, null, null, Duration.ofSeconds(2), Duration.ofSeconds(25),
                Duration.ofSeconds(10), Duration.ofSeconds(2), SessionSettings.Reconnect.defaults());
    }

    @Test
    void aPlainTextSessionToAnotherHostWarnsOnceWithoutTheSecret() throws Exception {
        FakeDdpConnection ddp = new FakeDdpConnection();
        try (LogCapture logs = new LogCapture()) {
            RocketChatSession s = new RocketChatSession(settings("http://chat.example.test", Credentials.password("bot", "Pw-SECRET")),
                    ddp::use);
            s.start().get(5, TimeUnit.SECONDS);
            s.start().get(5, TimeUnit.SECONDS);
            assertThat(logs.at(Level.WARN)).singleElement().satisfies(line -> assertThat(line)
                    .contains("ws://chat.example.test", "not encrypted", "digest", "replay", "wss://")
                    .doesNotContain("Pw-SECRET"));
            s.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:3000", "ws://localhost:3000/websocket", "http://[::1]:3000", "http://127.1.2.3",
        "https://chat.example.test", "wss://chat.example.test/websocket"})
    void loopbackOrEncryptedSessionsDoNotWarn(String url) throws Exception {
        FakeDdpConnection ddp = new FakeDdpConnection();
        try (LogCapture logs = new LogCapture()) {
            RocketChatSession s = new RocketChatSession(settings(url, Credentials.password("bot", "pw")), ddp::use);
            s.start().get(5, TimeUnit.SECONDS);
            s.close();
            assertThat(logs.at(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aTokenLoginIsWarnedAboutToo() {
        try (LogCapture logs = new LogCapture()) {
            assertThat(PlainTextWarning.check("x", URI.create("ws://10.0.0.5:3000/websocket"), Credentials.token("u", "Tok-SECRET")))
                    .isTrue();
            assertThat(logs.at(Level.WARN)).singleElement().satisfies(line -> assertThat(line).contains("token")
                    .doesNotContain("Tok-SECRET"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.255.0.1", "[::1]", "::1", "app.localhost"})
    void loopbackHosts(String host) {
        assertThat(PlainTextWarning.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.example.test", "10.0.0.5", "192.168.1.1", "[2001:db8::1]", "localhost.example.test", "127.0.0.1.nip.io"})
    void otherHosts(String host) {
        assertThat(PlainTextWarning.isLoopback(host)).isFalse();
    }
}
