package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import io.github.camelrocketchat.ddp.support.FakeTransport;
import io.github.camelrocketchat.ddp.support.FakeTransportFactory;
import io.github.camelrocketchat.ddp.support.ReconnectSteps;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconnect watchdog: when attempts happen, what triggers them, giving up, closing. No handshake here. */
class ReconnectTest {
    private static final ReconnectPolicy POLICY = new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 3);

    private ClientHarness h = harness(POLICY);
    private FakeTransportFactory factory = h.factory;
    private ReconnectSteps steps = new ReconnectSteps(h);

    private static ClientHarness harness(ReconnectPolicy policy) {
        return new ClientHarness(b -> b.reconnect(policy)
                .random(RandomGeneratorFactory.of("L64X128MixRandom").create(42)));
    }

    @AfterEach
    void noLeftovers() {
        h.close();
        assertThat(h.scheduler.pendingCount()).as("timers left after close()").isZero();
    }

    @Test
    void aLostConnectionIsReopenedAfterTheBackoffDelay() {
        CompletableFuture<String> first = h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'connected','session':'S1'}");
        h.events.next(EventRecorder.Connected.class);
        assertThat(first).isCompletedWithValue("S1");
        assertThat(h.client.status()).isEqualTo(new DdpClient.Status(DdpClient.State.READY, 0, null));

        Duration delay = steps.lose(h.socket(), 1);
        // seed 42: the first draw in [0, 500] ms
        assertThat(delay).isEqualTo(Duration.ofMillis(129));
        assertThat(h.client.isConnected()).isFalse();
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.RECONNECTING);
        assertThat(h.client.status().attempt()).isEqualTo(1);
        assertThat(h.client.status().lastError()).contains("1006");
        CompletableFuture<String> next = h.client.connect();
        assertThat(next).isNotSameAs(first).isNotDone();
        h.advance(delay.minusMillis(1));
        assertThat(factory.dialCount()).isEqualTo(1);
        steps.reconnect(Duration.ofMillis(1), "S2");
        assertThat(next).isCompletedWithValue("S2");
        assertThat(h.client.sessionId()).isEqualTo("S2");
        assertThat(h.client.reconnectAttempts()).isEqualTo(1);
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.READY);
    }

    @Test
    void aStaleCloseOrFrameFromAReplacedSocketIsIgnored() {
        h.connect();
        FakeTransport old = h.socket();
        steps.reconnect(steps.lose(old, 1), "S2");
        old.peerClose(1006, "late");
        old.fail(new IOException("late reset"));
        old.receive("{\"msg\":\"ping\"}");
        old.receive("{\"msg\":\"connected\",\"session\":\"stale\"}");
        h.scheduler.runPending();
        assertThat(old.pollSent()).isNull();
        assertThat(h.client.sessionId()).isEqualTo("S2");
        assertThat(h.client.isConnected()).isTrue();
        h.expectNothingSent();
    }

    @Test
    void concurrentTriggersOfOneLossShareOneAttempt() {
        h.connect();
        FakeTransport socket = h.socket();
        // in one tick: the peer's close, a transport error and a failed send (Tyrus's executor gone)
        socket.failSendsWith(new RejectedExecutionException("executor shut down"));
        CompletableFuture<Object> call = h.client.call("m", List.of());
        socket.peerClose(1006, "");
        socket.fail(new IOException("reset"));
        h.scheduler.runPending();
        h.events.next(EventRecorder.Disconnected.class);
        Duration delay = steps.reconnecting(1);
        assertThat(failure(call, DdpConnectionClosedException.class)).isNotNull();
        steps.reconnect(delay, "S2");
        assertThat(factory.dialCount()).isEqualTo(2);
    }

    @Test
    void heartbeatTimeoutAndTheLateCloseOfThatSocketShareOneAttempt() {
        h.connect();
        FakeTransport socket = h.socket();
        h.advance(Duration.ofSeconds(25));
        h.expectSent("{'msg':'ping'}");
        h.advance(Duration.ofSeconds(10));
        // the half-open socket is closed by us (4000); its onClose and a late error arrive after that
        assertThat(socket.closeCode()).isEqualTo(4000);
        socket.fail(new IOException("late"));
        h.scheduler.runPending();
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.reason()).contains("heartbeat timeout");
        assertThat(d.willReconnect()).isTrue();
        steps.reconnect(steps.reconnecting(1), "S2");
        assertThat(factory.dialCount()).isEqualTo(2);
    }

    @Test
    void aHalfOpenSocketIsReplacedWithinPingIntervalPlusPingTimeout() {
        h.connect();
        int dials = factory.dialCount();
        // total silence from the peer: no frame, no close
        h.advance(Duration.ofSeconds(35).minusMillis(1));
        assertThat(h.client.isConnected()).isTrue();
        h.expectSent("{'msg':'ping'}");
        h.advance(Duration.ofMillis(1));
        assertThat(h.client.isConnected()).isFalse();
        h.events.next(EventRecorder.Disconnected.class);
        Duration delay = steps.reconnecting(1);
        assertThat(factory.dialCount()).isEqualTo(dials);
        steps.reconnect(delay, "S2");
    }

    @Test
    void aFailedSendTriggersAReconnect() {
        h.connect();
        h.socket().failSendsWith(new RejectedExecutionException("executor shut down"));
        h.client.call("m", List.of());
        h.scheduler.runPending();
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.reason()).contains("Sending a frame failed").contains("RejectedExecutionException");
        steps.reconnect(steps.reconnecting(1), "S2");
    }

    @Test
    void connectWhileReadyOrReconnectingOpensNothingNew() {
        h.connect();
        CompletableFuture<String> ready = h.client.connect();
        assertThat(ready).isCompletedWithValue("S1");
        assertThat(h.client.connect()).isSameAs(ready);
        h.scheduler.runPending();
        assertThat(factory.dialCount()).isEqualTo(1);

        Duration delay = steps.lose(h.socket(), 1);
        CompletableFuture<String> next = h.client.connect();
        assertThat(h.client.connect()).isSameAs(next);
        h.scheduler.runPending();
        assertThat(factory.dialCount()).isEqualTo(1);
        steps.reconnect(delay, "S2");
        assertThat(next).isCompletedWithValue("S2");
        assertThat(h.client.connect()).isSameAs(next);
        assertThat(factory.dialCount()).isEqualTo(2);
    }

    @Test
    void theAttemptCounterStartsAgainAfterASuccess() {
        h.connect();
        factory.manualOpen();
        h.advance(steps.lose(h.socket(), 1));
        factory.lastDial().fail(new ConnectException("Connection refused"));
        h.scheduler.runPending();
        Duration second = steps.reconnecting(2);
        assertThat(h.client.status().lastError()).contains("Connection refused");
        h.advance(second);
        factory.lastDial().fail(new ConnectException("Connection refused"));
        h.scheduler.runPending();
        Duration third = steps.reconnecting(3);
        factory.autoOpen();
        h.advance(third.minusMillis(1));
        assertThat(factory.dialCount()).isEqualTo(3);
        steps.reconnect(Duration.ofMillis(1), "S2");
        assertThat(h.client.status()).isEqualTo(new DdpClient.Status(DdpClient.State.READY, 0,
                "Could not open ws://chat.example.test/websocket: ConnectException: Connection refused"));

        // a new loss starts again at attempt 1, with the first cap (500 ms), and is not a give-up (max 3)
        Duration again = steps.lose(h.socket(), 1);
        assertThat(again).isBetween(Duration.ZERO, Duration.ofMillis(500));
        steps.reconnect(again, "S3");
        assertThat(h.client.reconnectAttempts()).isEqualTo(4);
    }

    @Test
    void aConnectTimeoutDuringAReconnectIsAFailedAttempt() {
        h.close();
        h = new ClientHarness(b -> b.reconnect(POLICY).connectTimeout(Duration.ofSeconds(5)));
        factory = h.factory;
        steps = new ReconnectSteps(h);
        h.connect();
        Duration delay = steps.lose(h.socket(), 1);
        h.advance(delay);
        h.expectSent(ClientHarness.CONNECT);
        FakeTransport silent = h.socket();
        h.advance(Duration.ofSeconds(5));
        assertThat(silent.isClosed()).isTrue();
        Duration second = steps.reconnecting(2);
        assertThat(h.client.status().lastError()).contains("timed out after 5 s");
        steps.reconnect(second, "S2");
    }
}
