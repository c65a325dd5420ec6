package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import io.github.camelrocketchat.ddp.support.FakeTransport;
import io.github.camelrocketchat.ddp.support.FakeTransportFactory;
import io.github.camelrocketchat.ddp.support.ReconnectSteps;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where reconnecting stops: a failed first connect, giving up, close(), no policy; timeouts while waiting. */
class ReconnectEndTest {
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
    void aFailedFirstConnectDoesNotStartTheWatchdog() {
        factory.manualOpen();
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        factory.lastDial().fail(new ConnectException("Connection refused"));
        h.scheduler.runPending();
        assertThat(failure(f, DdpException.class).getMessage()).contains("Connection refused");
        h.advance(Duration.ofMinutes(5));
        assertThat(factory.dialCount()).isEqualTo(1);
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.DISCONNECTED);
        assertThat(h.scheduler.pendingCount()).isZero();
        // the caller retries by hand
        factory.autoOpen();
        CompletableFuture<String> again = h.client.connect();
        assertThat(again).isNotSameAs(f);
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'connected','session':'S1'}");
        assertThat(again).isCompletedWithValue("S1");
        h.events.next(EventRecorder.Connected.class);
    }

    @Test
    void givesUpAfterMaxAttemptsFailingCallsAndSubscriptions() {
        h.connect();
        DdpSubscription sub = h.client.subscribe("stream-x", List.of(), h.events);
        h.expectSent("{'msg':'sub','id':'" + sub.id() + "','name':'stream-x','params':[]}");
        h.serverSends("{'msg':'ready','subs':['" + sub.id() + "']}");
        h.events.next(EventRecorder.Ready.class);
        factory.manualOpen();
        Duration delay = Duration.ZERO;
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (attempt == 1) {
                h.socket().peerClose(1006, "");
                h.scheduler.runPending();
                assertThat(h.events.next(EventRecorder.Interrupted.class).subscriptionId()).isEqualTo(sub.id());
                h.events.next(EventRecorder.Disconnected.class);
            } else {
                factory.lastDial().fail(new ConnectException("Connection refused " + (attempt - 1)));
                h.scheduler.runPending();
            }
            delay = steps.reconnecting(attempt);
            h.advance(delay);
        }
        CompletableFuture<Object> queued = h.client.call("m", List.of(), Duration.ofHours(1));
        CompletableFuture<String> next = h.client.connect();
        factory.lastDial().fail(new ConnectException("Connection refused 3"));
        h.scheduler.runPending();

        EventRecorder.Stopped stopped = h.events.next(EventRecorder.Stopped.class);
        assertThat(stopped.error()).isInstanceOf(DdpConnectionClosedException.class);
        assertThat(stopped.error().getMessage()).contains("gave up").contains("after 3 attempt(s)")
                .contains("Connection refused 3");
        DdpException gaveUp = h.events.next(EventRecorder.GaveUp.class).error();
        assertThat(gaveUp).isInstanceOf(DdpConnectionClosedException.class);
        assertThat(gaveUp.getMessage()).contains("after 3 attempt(s)").contains("Connection refused 3");
        assertThat(gaveUp).hasRootCauseInstanceOf(ConnectException.class);
        assertThat(failure(queued, DdpConnectionClosedException.class).getMessage()).contains("'m' (id 1)")
                .contains("after 3 attempt(s)");
        assertThat(failure(next, DdpConnectionClosedException.class)).isSameAs(gaveUp);
        assertThat(failure(sub.stopped(), DdpConnectionClosedException.class)).isNotNull();
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.GAVE_UP);
        assertThat(h.client.status().attempt()).isEqualTo(3);
        h.advance(Duration.ofMinutes(10));
        assertThat(factory.dialCount()).isEqualTo(4);
        assertThat(h.scheduler.pendingCount()).isZero();
    }

    @Test
    void closeDuringTheBackoffWaitCancelsTheTimer() {
        h.connect();
        DdpSubscription sub = h.client.subscribe("stream-x", List.of(), null);
        h.expectSent("{'msg':'sub','id':'" + sub.id() + "','name':'stream-x','params':[]}");
        steps.lose(h.socket(), 1);
        CompletableFuture<String> next = h.client.connect();
        h.client.close();
        h.scheduler.runPending();
        assertThat(h.scheduler.pendingCount()).isZero();
        assertThat(failure(next, DdpConnectionClosedException.class)).isNotNull();
        assertThat(failure(sub.stopped(), DdpConnectionClosedException.class)).isNotNull();
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.CLOSED);
        h.advance(Duration.ofMinutes(5));
        assertThat(factory.dialCount()).isEqualTo(1);
    }

    @Test
    void closeDuringAnInFlightReconnectLeavesNoSocketOpen() {
        h.connect();
        factory.manualOpen();
        h.advance(steps.lose(h.socket(), 1));
        assertThat(factory.dialCount()).isEqualTo(2);
        h.client.close();
        h.scheduler.runPending();
        FakeTransport late = factory.lastDial().open();
        h.scheduler.runPending();
        assertThat(late.isClosed()).isTrue();
        assertThat(late.allSent()).isEmpty();
        assertThat(h.scheduler.pendingCount()).isZero();
    }

    @Test
    void closeWhileReadyReportsARequestedDisconnectAndNoReconnect() {
        h.connect();
        h.client.close();
        h.scheduler.runPending();
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.requested()).isTrue();
        assertThat(d.willReconnect()).isFalse();
        h.advance(Duration.ofMinutes(5));
        assertThat(factory.dialCount()).isEqualTo(1);
    }

    @Test
    void callsWaitingForTheReconnectKeepTheirOwnTimeout() {
        h.connect();
        CompletableFuture<Object> resendable = h.client.call("sendMessage", List.of("a"), Duration.ofSeconds(2),
                CallOptions.RESENDABLE);
        h.expectSent("{'msg':'method','id':'1','method':'sendMessage','params':['a']}");
        h.advance(steps.lose(h.socket(), 1));
        CompletableFuture<Object> offline = h.client.call("m", List.of(), Duration.ofSeconds(1));
        h.expectSent(ClientHarness.CONNECT);
        // the server never says 'connected'
        h.advance(Duration.ofSeconds(1));
        assertThat(failure(offline, DdpTimeoutException.class).getMessage()).contains("'m' (id 2)")
                .contains("never sent");
        h.advance(Duration.ofSeconds(1));
        assertThat(failure(resendable, DdpTimeoutException.class).getMessage()).contains("'sendMessage' (id 1)")
                .contains("waiting to be sent again");
        h.serverSends("{'msg':'connected','session':'S2'}");
        h.events.next(EventRecorder.Connected.class);
        h.expectNothingSent();
    }

    @Test
    void withoutAPolicyALossIsFinal() {
        h.close();
        h = harness(ReconnectPolicy.NONE);
        factory = h.factory;
        steps = new ReconnectSteps(h);
        h.connect();
        CompletableFuture<Object> call = h.client.call("m", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'m','params':[]}");
        h.socket().peerClose(1006, "");
        h.scheduler.runPending();
        assertThat(h.events.next(EventRecorder.Disconnected.class).disconnect().willReconnect()).isFalse();
        assertThat(failure(call, DdpConnectionClosedException.class)).isNotNull();
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.DISCONNECTED);
        h.advance(Duration.ofMinutes(5));
        assertThat(factory.dialCount()).isEqualTo(1);
    }
}
