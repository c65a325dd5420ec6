package io.github.camelrocketchat.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import io.github.camelrocketchat.ddp.support.FakeTransport;
import io.github.camelrocketchat.ddp.support.FakeTransportFactory;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private ClientHarness h = new ClientHarness();

    @AfterEach
    void noLeftovers() {
        h.close();
    }

    @Test
    void sendsConnectFirstAndKeepsTheSessionId() {
        assertThat(h.client.isConnected()).isFalse();
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        assertThat(h.factory.lastDial().uri.toString()).isEqualTo("ws://chat.example.test/websocket");
        h.expectSent(ClientHarness.CONNECT);
        assertThat(f).isNotDone();
        h.serverSends("{'msg':'connected','session':'Hk3s9dQ2LmZpXw7Ty'}");
        assertThat(f).isCompletedWithValue("Hk3s9dQ2LmZpXw7Ty");
        assertThat(h.client.sessionId()).isEqualTo("Hk3s9dQ2LmZpXw7Ty");
        assertThat(h.client.isConnected()).isTrue();
        assertThat(h.events.next(EventRecorder.Connected.class).session()).isEqualTo("Hk3s9dQ2LmZpXw7Ty");
        h.expectNothingSent();
    }

    @Test
    void connectWhileConnectingOrConnectedReturnsTheSameFuture() {
        CompletableFuture<String> first = h.client.connect();
        assertThat(h.client.connect()).isSameAs(first);
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'connected','session':'S1'}");
        assertThat(h.client.connect()).isSameAs(first);
        assertThat(h.factory.dialCount()).isEqualTo(1);
        h.events.next(EventRecorder.Connected.class);
    }

    @Test
    void ignoresServerIdGreetingAndFramesWithoutOrWithUnknownMsg() {
        h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'server_id':'0'}");
        h.serverSends("{'msg':'server_id','server_id':'0'}");
        h.serverSends("{'msg':'frobnicate','x':1}");
        h.serverSends("{'msg':'connected','session':'S1'}");
        assertThat(h.client.isConnected()).isTrue();
        h.events.next(EventRecorder.Connected.class);
        assertThat(h.client.badFrameCounts().values()).allMatch(n -> n == 0);
        h.expectNothingSent();
    }

    @Test
    void failedWithASupportedVersionReconnectsOnceWithThatVersion() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        FakeTransport first = h.socket();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'failed','version':'pre2'}");
        assertThat(first.isClosed()).isTrue();
        assertThat(h.factory.dialCount()).isEqualTo(2);
        h.expectSent("{'msg':'connect','version':'pre2','support':['1','pre2','pre1']}");
        // the old socket's close arrives late and must not disturb the new one
        h.scheduler.runPending();
        h.serverSends("{'msg':'connected','session':'S2'}");
        assertThat(f).isCompletedWithValue("S2");
        h.events.next(EventRecorder.Connected.class);
    }

    @Test
    void failedTwiceFailsTheConnectNamingBothVersions() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'failed','version':'pre1'}");
        h.expectSent("{'msg':'connect','version':'pre1','support':['1','pre2','pre1']}");
        h.serverSends("{'msg':'failed','version':'1'}");
        assertThat(f).isCompletedExceptionally();
        DdpException e = failure(f, DdpException.class);
        assertThat(e.getMessage()).contains("'1'").contains("'pre1'");
        assertThat(h.factory.dialCount()).isEqualTo(2);
        assertThat(h.socket().isClosed()).isTrue();
    }

    @Test
    void failedWithAnUnsupportedVersionFailsTheConnectNamingBothVersions() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'failed','version':'2'}");
        DdpException e = failure(f, DdpException.class);
        assertThat(e.getMessage()).contains("version '2'").contains("proposed '1'");
        assertThat(h.factory.dialCount()).isEqualTo(1);
        assertThat(h.client.isConnected()).isFalse();
    }

    @Test
    void callsAndSubscriptionsMadeBeforeConnectedAreSentAfterConnected() {
        CompletableFuture<Object> call = h.client.call("getRoomIdByNameOrId", List.of("general"));
        DdpSubscription sub = h.client.subscribe("stream-room-messages", List.of("GENERAL", false), null);
        h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.expectNothingSent();
        h.serverSends("{'msg':'connected','session':'S1'}");
        h.events.next(EventRecorder.Connected.class);
        // subscriptions first: streams are live again before queued calls can cause events
        h.expectSent("{'msg':'sub','id':'" + sub.id() + "','name':'stream-room-messages','params':['GENERAL',false]}");
        h.expectSent("{'msg':'method','id':'1','method':'getRoomIdByNameOrId','params':['general']}");
        h.serverSends("{'msg':'result','id':'1','result':'GENERAL'}");
        assertThat(call).isCompletedWithValue("GENERAL");
    }

    @Test
    void queuedCallsFailWhenTheConnectFails() {
        h = new ClientHarness(b -> b.transportFactory(new FakeTransportFactory().manualOpen()));
        FakeTransportFactory factory = (FakeTransportFactory) h.client.options().transportFactory();
        CompletableFuture<Object> call = h.client.call("m", List.of());
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        factory.lastDial().fail(new ConnectException("Connection refused"));
        h.scheduler.runPending();
        DdpException e = failure(f, DdpException.class);
        assertThat(e.getMessage()).contains("Connection refused").contains("ws://chat.example.test/websocket");
        assertThat(failure(call, DdpConnectionClosedException.class).getMessage()).contains("'m' (id 1)");
    }

    @Test
    void connectTimesOutWhenTheServerNeverAnswers() {
        h = new ClientHarness(b -> b.connectTimeout(Duration.ofSeconds(5)));
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.advance(Duration.ofMillis(4999));
        assertThat(f).isNotDone();
        h.advance(Duration.ofMillis(1));
        DdpTimeoutException e = failure(f, DdpTimeoutException.class);
        assertThat(e.getMessage()).contains("5 s").contains("no 'connected'");
        assertThat(h.socket().isClosed()).isTrue();
    }

    @Test
    void connectTimesOutWhenTheSocketNeverOpens() {
        FakeTransportFactory manual = new FakeTransportFactory().manualOpen();
        h = new ClientHarness(b -> b.transportFactory(manual).connectTimeout(Duration.ofSeconds(3)));
        CompletableFuture<String> f = h.client.connect();
        h.advance(Duration.ofSeconds(3));
        assertThat(failure(f, DdpTimeoutException.class).getMessage()).contains("did not open");
        // a socket that opens after the deadline is closed at once
        FakeTransport late = manual.lastDial().open();
        h.scheduler.runPending();
        assertThat(late.isClosed()).isTrue();
        assertThat(late.allSent()).isEmpty();
    }

    @Test
    void socketClosedDuringHandshakeFailsTheConnect() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.socket().peerClose(1002, "protocol error");
        h.scheduler.runPending();
        assertThat(failure(f, DdpConnectionClosedException.class).getMessage()).contains("1002 protocol error");
    }

    @Test
    void connectAfterALostConnectionOpensANewSocketOnTheSameClient() {
        h.connect();
        FakeTransport first = h.socket();
        first.peerClose(1006, "");
        h.scheduler.runPending();
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.requested()).isFalse();
        assertThat(d.closeCode()).isEqualTo(1006);
        assertThat(h.client.isConnected()).isFalse();
        assertThat(h.client.sessionId()).isNull();

        CompletableFuture<String> again = h.client.connect();
        h.scheduler.runPending();
        assertThat(h.socket()).isNotSameAs(first);
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'connected','session':'S9'}");
        assertThat(again).isCompletedWithValue("S9");
        h.events.next(EventRecorder.Connected.class);
        // a stale event from the first socket changes nothing
        first.receive("{\"msg\":\"ping\"}");
        h.scheduler.runPending();
        assertThat(first.pollSent()).isNull();
        h.expectNothingSent();
    }

    @Test
    void closeDuringConnectFailsTheConnectAndCloseTwiceIsHarmless() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        h.expectSent(ClientHarness.CONNECT);
        h.client.close();
        h.client.close();
        h.scheduler.runPending();
        assertThat(failure(f, DdpConnectionClosedException.class)).isNotNull();
        assertThat(h.socket().isClosed()).isTrue();
        assertThat(h.client.connect()).isCompletedExceptionally();
    }

    @Test
    void userSuppliedSchedulerAndFactoryAreNotClosed() {
        h.connect();
        h.close();
        assertThat(h.factory.closeCount()).isZero();
        h.scheduler.execute(() -> { });
        assertThat(h.scheduler.pendingCount()).isEqualTo(1);
        h.scheduler.runPending();
    }

    static <T extends Throwable> T failure(CompletableFuture<?> f, Class<T> type) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        }
        throw new AssertionError("not failed");
    }
}
