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

/**
 * The server's heartbeat is answered by the client, so an idle connection stays up (A.3). The server's own timers
 * are set to an hour, far beyond the test: each check is run by the test ({@code heartbeatNow()}), so a slow machine
 * cannot make the server give up on a pong that is merely late.
 */
class HeartbeatInteropTest extends InteropTestBase {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.MONOLITH_8,
            b -> b.heartbeatInterval(Duration.ofHours(1)).heartbeatTimeout(Duration.ofHours(1)));

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

        for (int round = 1; round <= 3; round++) {
            int n = round;
            // Meteor's check pings only when nothing arrived since the previous check and no ping is outstanding:
            // the check after a pong resets the first, and only the pong clears the second, so each new ping
            // proves the previous one was answered
            await().atMost(InteropClients.WAIT).until(() -> {
                server().heartbeatNow();
                return count(conn, RecordedFrame.Direction.OUT, "ping") >= n;
            });
            await().atMost(InteropClients.WAIT).until(() -> count(conn, RecordedFrame.Direction.IN, "pong") >= n);
        }

        assertThat(count(conn, RecordedFrame.Direction.OUT, "ping")).isEqualTo(3);
        assertThat(count(conn, RecordedFrame.Direction.IN, "pong")).isEqualTo(3);
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
