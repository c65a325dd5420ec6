package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: one server for the class, seeded, injected as a parameter. */
class RocketChatTestServerExtensionTest {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(
            b -> b.seed(true).dialect(Dialect.MONOLITH_8));

    @Test
    void serverIsRunningWithDemoData(RocketChatTestServer server) {
        assertThat(server).isSameAs(rocketChat.server());
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            assertThat(c.login("alice", "alice-pass").has("result")).isTrue();
            assertThat(c.login("carol", "carol-pass").path("error").path("error").asText()).isEqualTo("totp-required");
        }
        assertThat(server.roomId("demo")).isNotBlank();
        assertThat(server.messageCount("demo")).isEqualTo(2);
    }

    @Test
    void sameServerForTheWholeClass() {
        assertThat(rocketChat.server().url()).startsWith("http://127.0.0.1:");
    }
}
