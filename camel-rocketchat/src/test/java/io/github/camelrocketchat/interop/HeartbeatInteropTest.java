package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;

/** The server's heartbeat (short here) is answered by the client, so an idle connection stays up (A.3). */
class HeartbeatInteropTest extends InteropTestBase {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.MONOLITH_8,
            b -> b.heartbeatInterval(Duration.ofMillis(100)).heartbeatTimeout(Duration.ofMillis(300)));

    @Override
    protected RocketChatTestServer server() {
        return RC.server();
    }

    @Test
    void serverPingsAreAnsweredAndTheIdleConnectionStays() {
        ConnectionEvents events = new ConnectionEvents();
        DdpClient c = clients.client(b -> {
        });
        c.addConnectionListener(events);
        await(c.connect());
        String conn = clients.connectionId(c);

        await().atMost(InteropClients.WAIT).until(() -> count(conn, RecordedFrame.Direction.IN, "pong") >= 3);

        assertThat(count(conn, RecordedFrame.Direction.OUT, "ping")).isGreaterThanOrEqualTo(3);
        assertThat(c.isConnected()).isTrue();
        assertThat(events.disconnected).isNotDone();
        assertThat(server().frames().of(conn).stream().filter(f -> "pong".equals(f.msg())).map(RecordedFrame::text))
                .allMatch("{\"msg\":\"pong\"}"::equals);
    }

    private long count(String conn, RecordedFrame.Direction direction, String msg) {
        return server().frames().of(conn).stream().filter(f -> f.direction() == direction && msg.equals(f.msg()))
                .count();
    }
}
