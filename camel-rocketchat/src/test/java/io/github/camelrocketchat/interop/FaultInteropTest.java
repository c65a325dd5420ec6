package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static io.github.camelrocketchat.interop.InteropClients.failure;
import static io.github.camelrocketchat.interop.InteropClients.methodError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;

/**
 * Network and protocol faults the server injects, seen by the real client: bad frames are counted and dropped
 * without harm, oversized frames and lost sockets are reported, late results time out, many calls share a socket.
 */
class FaultInteropTest extends InteropTestBase {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.MONOLITH_8);

    @Override
    protected RocketChatTestServer server() {
        return RC.server();
    }

    @AfterEach
    void healServer() {
        server().faults().endSilence();
        server().faults().clearMethodDelays();
        server().faults().releaseDelayedMethods();
    }

    /** A connected client with a listener for its first disconnect. */
    private DdpClient watched(ConnectionEvents events, java.util.function.Consumer<
            io.github.camelrocketchat.ddp.DdpClientOptions.Builder> custom) {
        DdpClient c = clients.client(custom);
        c.addConnectionListener(events);
        await(c.connect());
        return c;
    }

    @Test
    void malformedAndBinaryFramesAreDroppedAndTheConnectionLives() {
        DdpClient c = clients.connected();

        server().faults().sendMalformedFrame();
        server().faults().sendBinaryFrame();

        await().atMost(InteropClients.WAIT).until(() -> c.badFrameCounts().get(BadFrameKind.BINARY) == 1L);
        assertThat(c.badFrameCounts().get(BadFrameKind.INVALID_JSON)).isEqualTo(1L);
        assertThat(methodError(c.call("no-such-method", List.of())).getErrorCode()).isEqualTo("404");
        assertThat(c.isConnected()).isTrue();
        clients.expectBadFrames(c, BadFrameKind.INVALID_JSON, 1);
        clients.expectBadFrames(c, BadFrameKind.BINARY, 1);
    }

    @Test
    void theEndOfTestCheckFailsOnAFrameNoTestAskedFor() {
        DdpClient c = clients.connected();

        server().faults().sendMalformedFrame();

        // what every test's @AfterEach runs: its round trip makes the frame counted before the counts are read
        assertThatThrownBy(clients::assertBadFramesAsExpected).isInstanceOf(AssertionError.class)
                .hasMessageContaining("INVALID_JSON=1");
        clients.expectBadFrames(c, BadFrameKind.INVALID_JSON, 1);
    }

    @Test
    void aFrameOverMaxFrameSizeClosesWith1009() {
        ConnectionEvents events = new ConnectionEvents();
        DdpClient c = watched(events, b -> b.maxFrameSize(1024 * 1024));
        CompletableFuture<Object> pending = c.call("getRoomIdByNameOrId", List.of("general"));
        await(pending.handle((r, e) -> null));

        server().faults().sendHugeFrame(10 * 1024 * 1024);

        DdpDisconnect d = await(events.disconnected);
        assertThat(d.requested()).isFalse();
        assertThat(d.closeCode()).as(d.toString()).isEqualTo(1009);
        assertThat(c.isConnected()).isFalse();
    }

    @Test
    void aDelayedResultTimesOutTheCallAndIsIgnoredWhenItComes() {
        DdpClient c = clients.connected();
        // held until released below: the 200 ms timeout cannot lose against it, however slow the machine
        server().faults().delayMethod("getRoomIdByNameOrId", Duration.ofHours(1));

        Throwable t = failure(c.call("getRoomIdByNameOrId", List.of("general"), Duration.ofMillis(200)));

        assertThat(t).isInstanceOf(DdpTimeoutException.class).hasMessageContaining("getRoomIdByNameOrId")
                .hasMessageContaining("id 1");
        String conn = clients.connectionId(c);
        assertThat(server().frames().of(conn)).noneMatch(f -> f.direction() == RecordedFrame.Direction.OUT
                && "result".equals(f.msg()));
        server().faults().clearMethodDelays();
        server().faults().releaseDelayedMethods();
        assertThat(server().frames().of(conn)).anyMatch(f -> f.direction() == RecordedFrame.Direction.OUT
                && "result".equals(f.msg()) && f.text().contains("\"id\":\"1\""));
        // the late result is expected (the call timed out), so it is neither delivered nor counted as bad; this
        // call's answer comes after it on the socket, so the late one has been handled by then
        assertThat(methodError(c.call("getRoomIdByNameOrId", List.of("general"))).getError())
                .isEqualTo("error-not-allowed");
        assertThat(c.badFrameCounts().get(BadFrameKind.UNKNOWN_ID)).isZero();
    }

    @Test
    void droppedAndClosedConnectionsAreReportedAndFailPendingCalls() {
        ConnectionEvents dropped = new ConnectionEvents();
        ConnectionEvents closed = new ConnectionEvents();
        DdpClient a = watched(dropped, b -> {
        });
        server().faults().delayMethod("getRoomIdByNameOrId", Duration.ofSeconds(30));
        CompletableFuture<Object> pending = a.call("getRoomIdByNameOrId", List.of("general"));
        await().atMost(InteropClients.WAIT).until(() -> !server().frames().matching(f ->
                f.direction() == RecordedFrame.Direction.IN && f.text().contains("getRoomIdByNameOrId")).isEmpty());

        server().faults().dropAllConnections();

        DdpDisconnect d = await(dropped.disconnected);
        assertThat(d.requested()).isFalse();
        assertThat(failure(pending)).isInstanceOf(DdpConnectionClosedException.class);

        DdpClient b = watched(closed, x -> {
        });
        server().faults().closeAllConnections(4001, "maintenance");
        DdpDisconnect e = await(closed.disconnected);
        assertThat(e.closeCode()).isEqualTo(4001);
        assertThat(e.reason()).contains("maintenance");
        assertThat(b.isConnected()).isFalse();
        assertThat(await(b.connect())).as("a lost client connects again").isNotBlank();
    }

    @Test
    void aSilentServerIsDetectedByTheClientHeartbeat() {
        ConnectionEvents events = new ConnectionEvents();
        DdpClient c = watched(events, b -> b.pingInterval(Duration.ofMillis(300)).pingTimeout(Duration.ofMillis(300)));

        server().faults().goSilent();

        DdpDisconnect d = await(events.disconnected);
        assertThat(d.requested()).isFalse();
        assertThat(d.reason()).contains("heartbeat timeout");
        assertThat(d.cause()).isInstanceOf(DdpTimeoutException.class);
        assertThat(c.isConnected()).isFalse();
    }

    @Test
    void manyCallsInFlightAreCorrelatedById() {
        DdpClient c = clients.loggedIn(clients.newUser("alice"));
        List<CompletableFuture<Object>> ok = new ArrayList<>();
        List<CompletableFuture<Object>> failing = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            ok.add(c.call("getRoomIdByNameOrId", List.of(i % 2 == 0 ? "general" : "GENERAL")));
            failing.add(c.call("missing-" + i, List.of()));
        }

        for (CompletableFuture<Object> f : ok) {
            assertThat(InteropClients.await(f)).isEqualTo("GENERAL");
        }
        for (int i = 0; i < failing.size(); i++) {
            assertThat(methodError(failing.get(i)).getReason()).isEqualTo("Method 'missing-" + i + "' not found");
        }
    }
}
