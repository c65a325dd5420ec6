package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Server heartbeats with short configured intervals (reference A.3). */
class HeartbeatTest extends ServerTestSupport {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.heartbeatInterval(Duration.ofMillis(100)).heartbeatTimeout(Duration.ofMillis(200));
    }

    @Test
    void idleClientIsPingedAndClosedWithoutAnswer() throws Exception {
        RawDdpClient c = client();
        assertFrame("{\"msg\":\"ping\"}", c.next());
        assertThat(c.closed().get(30, TimeUnit.SECONDS)).isNotNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionCount() == 0);
    }

    @Test
    void anyFrameKeepsTheConnection() {
        // a generous timeout so a loaded machine cannot make the client's answer late
        server.close();
        server = RocketChatTestServer.builder().clock(clock).heartbeatInterval(Duration.ofMillis(100))
                .heartbeatTimeout(Duration.ofSeconds(20)).build().start();
        RawDdpClient c = client();
        for (int i = 0; i < 5; i++) {
            assertFrame("{\"msg\":\"ping\"}", c.awaitMsg("ping"));
            c.send("{\"msg\":\"pong\"}");
        }
        assertThat(c.closed()).isNotDone();
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void pre1IsNeverPinged() {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"connect\",\"version\":\"pre1\",\"support\":[\"pre1\"]}");
        c.awaitMsg("connected");
        server.heartbeatNow();
        server.heartbeatNow();
        c.send("{\"msg\":\"method\",\"id\":\"1\",\"method\":\"x\"}");
        assertThat(c.next().get("msg").asText()).isEqualTo("result");
    }
}
