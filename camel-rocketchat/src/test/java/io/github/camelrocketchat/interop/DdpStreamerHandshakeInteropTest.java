package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;

/** ddp-streamer's greeting and its ping 30 ms after open, before {@code connected} (reference A.2, A.3, G.2-3). */
class DdpStreamerHandshakeInteropTest extends InteropTestBase {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.DDP_STREAMER);

    @Override
    protected RocketChatTestServer server() {
        return RC.server();
    }

    @Test
    void serverIdGreetingIsIgnored() {
        DdpClient c = clients.connected();

        List<RecordedFrame> out = server().frames().of(clients.connectionId(c)).stream()
                .filter(f -> f.direction() == RecordedFrame.Direction.OUT).toList();
        assertThat(out.get(0).text()).isEqualTo("{\"msg\":\"server_id\",\"server_id\":\"0\"}");
        assertThat(c.badFrameCounts().values()).allMatch(n -> n == 0L);
        assertThat(InteropClients.methodError(c.call("no-such-method", List.of())).getErrorCode()).isEqualTo("404");
    }

    @Test
    void pingBeforeConnectedIsAnswered() {
        DdpClient c = clients.client(b -> b.transportFactory(new SlowUplink()));

        await(c.connect());

        // the pong leaves right behind connect, but the server may record it after the client saw connected
        List<String> in = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inbound(c), f -> f.size() >= 2);
        assertThat(in).startsWith("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}",
                "{\"msg\":\"pong\"}");
        List<String> out = server().frames().of(clients.connectionId(c)).stream()
                .filter(f -> f.direction() == RecordedFrame.Direction.OUT).map(RecordedFrame::msg).toList();
        assertThat(out).startsWith("server_id", "ping", "connected");
    }

    private List<String> inbound(DdpClient c) {
        return server().frames().of(clients.connectionId(c)).stream()
                .filter(f -> f.direction() == RecordedFrame.Direction.IN).map(RecordedFrame::text).toList();
    }
}
