package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    private ClientHarness h = new ClientHarness();

    @AfterEach
    void noLeftovers() {
        h.close();
    }

    @Test
    void answersServerPingsWithAndWithoutId() {
        h.connect();
        h.serverSends("{'msg':'ping'}");
        h.expectSent("{'msg':'pong'}");
        h.serverSends("{'msg':'ping','id':'k1'}");
        h.expectSent("{'msg':'pong','id':'k1'}");
    }

    @Test
    void answersAPingThatArrivesBeforeConnected() {
        h.client.connect();
        h.scheduler.runPending();
        h.serverSends("{'msg':'ping'}");
        h.expectSent(ClientHarness.CONNECT);
        h.expectSent("{'msg':'pong'}");
        h.serverSends("{'msg':'connected','session':'S1'}");
        h.events.next(EventRecorder.Connected.class);
    }

    @Test
    void sendsOurPingAfterTheIntervalOfSilenceAndAnyFrameCountsAsLife() {
        h.connect();
        h.advance(Duration.ofSeconds(25).minusMillis(1));
        h.expectNothingSent();
        h.advance(Duration.ofMillis(1));
        h.expectSent("{'msg':'ping'}");
        // any frame, not only a pong, proves life
        h.serverSends("{'msg':'added','collection':'x','id':'1'}");
        h.advance(Duration.ofSeconds(10));
        assertThat(h.client.isConnected()).isTrue();
        h.expectNothingSent();
        h.advance(Duration.ofSeconds(15));
        h.expectSent("{'msg':'ping'}");
        h.serverSends("{'msg':'pong'}");
        h.advance(Duration.ofSeconds(24));
        h.expectNothingSent();
    }

    @Test
    void inboundFramesPostponeOurPing() {
        h.connect();
        for (int i = 0; i < 5; i++) {
            h.advance(Duration.ofSeconds(20));
            h.serverSends("{'msg':'updated','methods':[]}");
        }
        h.expectNothingSent();
        h.advance(Duration.ofSeconds(25));
        h.expectSent("{'msg':'ping'}");
        h.serverSends("{'msg':'pong'}");
    }

    @Test
    void silenceAfterOurPingClosesTheSocketAndReportsTheConnectionLost() {
        h.connect();
        CompletableFuture<Object> call = h.client.call("m", List.of(), Duration.ofMinutes(5));
        h.expectSent("{'msg':'method','id':'1','method':'m','params':[]}");
        h.advance(Duration.ofSeconds(25));
        h.expectSent("{'msg':'ping'}");
        h.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(h.client.isConnected()).isTrue();
        h.advance(Duration.ofMillis(1));
        assertThat(h.client.isConnected()).isFalse();
        assertThat(h.socket().isClosed()).isTrue();
        assertThat(h.socket().closeCode()).isEqualTo(4000);
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.requested()).isFalse();
        assertThat(d.reason()).contains("heartbeat timeout").contains("10 s").contains("25 s");
        assertThat(d.cause()).isInstanceOf(DdpTimeoutException.class);
        assertThat(failure(call, DdpConnectionClosedException.class).getMessage()).contains("heartbeat timeout");
        // nothing keeps running for the dead socket
        assertThat(h.scheduler.pendingCount()).isZero();
    }

    @Test
    void customIntervalsAreHonoured() {
        h = new ClientHarness(b -> b.pingInterval(Duration.ofSeconds(5)).pingTimeout(Duration.ofSeconds(2)));
        h.connect();
        h.advance(Duration.ofSeconds(5));
        h.expectSent("{'msg':'ping'}");
        h.advance(Duration.ofSeconds(2));
        assertThat(h.events.next(EventRecorder.Disconnected.class).disconnect().reason()).contains("2 s");
    }

    @Test
    void negotiatedPre1HasNoHeartbeats() {
        h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'failed','version':'pre1'}");
        h.expectSent("{'msg':'connect','version':'pre1','support':['1','pre2','pre1']}");
        h.serverSends("{'msg':'connected','session':'old'}");
        h.events.next(EventRecorder.Connected.class);
        h.advance(Duration.ofMinutes(5));
        h.expectNothingSent();
        assertThat(h.client.isConnected()).isTrue();
    }
}
