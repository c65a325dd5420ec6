package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import io.github.camelrocketchat.ddp.support.FakeTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a reconnect re-sends, in which order, and what it fails: with a login handshake on every socket. */
class ReconnectReplayTest {
    private static final ReconnectPolicy POLICY = new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 0);
    private static final String TOKEN_ERROR = "{'isClientSafe':true,'error':403,'reason':'You\\u0027ve been logged out "
            + "by the server. Please log in again.','message':'[403]','errorType':'Meteor.Error'}";

    /** Every HandshakeCalls the hook was given, and the login future it returned, in order. */
    private final List<HandshakeCalls> handshakes = new ArrayList<>();
    private final List<CompletableFuture<LoginResult>> logins = new ArrayList<>();
    private final ClientHarness h = new ClientHarness(b -> b.reconnect(POLICY).handshake(calls -> {
        handshakes.add(calls);
        CompletableFuture<LoginResult> f = calls.login(LoginRequest.resume("tok"), null);
        logins.add(f);
        return f;
    }));

    /** Subscriptions the test made; still active ones are stopped before the close. */
    private final List<DdpSubscription> subs = new ArrayList<>();

    @AfterEach
    void noLeftovers() {
        for (DdpSubscription s : subs) {
            if (!s.stopped().isDone()) {
                s.stop();
                h.expectSent("{'msg':'unsub','id':'" + s.id() + "'}");
                assertThat(h.events.next(EventRecorder.Stopped.class).subscriptionId()).isEqualTo(s.id());
            }
        }
        h.close();
        assertThat(h.scheduler.pendingCount()).as("timers left after close()").isZero();
    }

    private static String login(int id) {
        return "{'msg':'method','id':'" + id + "','method':'login','params':[{'resume':'tok'}]}";
    }

    /** The latest socket gets 'connected'; only the login goes out. */
    private void connectedThenLoginOnly(String session, int loginId) {
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'connected','session':'" + session + "'}");
        h.expectSent(login(loginId));
        h.expectNothingSent();
        assertThat(h.client.isConnected()).isFalse();
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.AUTHENTICATING);
    }

    private void loginSucceeds(int loginId, String session) {
        h.serverSends("{'msg':'result','id':'" + loginId + "','result':" + LoginTest.RESULT + "}");
        assertThat(h.events.next(EventRecorder.Connected.class).session()).isEqualTo(session);
        assertThat(h.client.isConnected()).isTrue();
    }

    private void firstConnect() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        connectedThenLoginOnly("S1", 1);
        assertThat(f).isNotDone();
        loginSucceeds(1, "S1");
        assertThat(f).isCompletedWithValue("S1");
    }

    /** Peer close; waits the backoff delay so the next socket is open. */
    private void loseAndRedial(int attempt, boolean wasReady) {
        h.socket().peerClose(1006, "");
        h.scheduler.runPending();
        if (wasReady) {
            assertThat(h.events.next(EventRecorder.Disconnected.class).disconnect().willReconnect()).isTrue();
        }
        EventRecorder.Reconnecting r = h.events.next(EventRecorder.Reconnecting.class);
        assertThat(r.attempt()).isEqualTo(attempt);
        h.advance(r.delay());
    }

    private DdpSubscription subscribe(String name) {
        DdpSubscription s = h.client.subscribe(name, List.of(), h.events);
        subs.add(s);
        return s;
    }

    private DdpSubscription readySubscription(String name) {
        DdpSubscription s = subscribe(name);
        h.expectSent(sub(s));
        h.serverSends("{'msg':'ready','subs':['" + s.id() + "']}");
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(s.id());
        return s;
    }

    private static String sub(DdpSubscription s) {
        return "{'msg':'sub','id':'" + s.id() + "','name':'" + s.name() + "','params':[]}";
    }

    @Test
    void theHandshakeRunsFirstOnEverySocketAndWorkWaitsForIt() {
        CompletableFuture<Object> early = h.client.call("m", List.of());
        DdpSubscription s = subscribe("stream-x");
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        connectedThenLoginOnly("S1", 2);
        assertThat(handshakes.get(0).sessionId()).isEqualTo("S1");
        assertThat(handshakes.get(0).reconnect()).isFalse();
        h.serverSends("{'msg':'result','id':'2','result':" + LoginTest.RESULT + "}");
        h.expectSent(sub(s));
        h.expectSent("{'msg':'method','id':'1','method':'m','params':[]}");
        assertThat(f).isCompletedWithValue("S1");
        h.events.next(EventRecorder.Connected.class);
        assertThat(early).isNotDone();

        loseAndRedial(1, true);
        connectedThenLoginOnly("S2", 3);
        assertThat(handshakes.get(1).reconnect()).isTrue();
        assertThat(handshakes.get(1).sessionId()).isEqualTo("S2");
        loginSucceeds(3, "S2");
        h.expectSent(sub(s));
        h.expectNothingSent();
        assertThat(failure(early, DdpConnectionClosedException.class).getMessage()).contains("'m' (id 1)")
                .contains("may or may not have run");
    }

    @Test
    void callsQueuedWhileOfflineAreSentAfterLoginNeverBefore() {
        firstConnect();
        h.socket().peerClose(1006, "");
        h.scheduler.runPending();
        h.events.next(EventRecorder.Disconnected.class);
        Duration delay = h.events.next(EventRecorder.Reconnecting.class).delay();
        CompletableFuture<Object> offline = h.client.call("getRoomIdByNameOrId", List.of("general"));
        h.advance(delay);
        connectedThenLoginOnly("S2", 3);
        loginSucceeds(3, "S2");
        h.expectSent("{'msg':'method','id':'2','method':'getRoomIdByNameOrId','params':['general']}");
        h.serverSends("{'msg':'result','id':'2','result':'GENERAL'}");
        assertThat(offline).isCompletedWithValue("GENERAL");
    }

    @Test
    void aSentCallFailsOnALossWhileAResendableOneIsSentAgainOnce() {
        firstConnect();
        CompletableFuture<Object> once = h.client.call("sendMessage", List.of("a"));
        CompletableFuture<Object> resendable = h.client.callResendable("sendMessage", List.of("b"));
        h.expectSent("{'msg':'method','id':'2','method':'sendMessage','params':['a']}");
        h.expectSent("{'msg':'method','id':'3','method':'sendMessage','params':['b']}");
        loseAndRedial(1, true);
        // fails at once, not after the reconnect: the caller decides whether to repeat it
        assertThat(failure(once, DdpConnectionClosedException.class).getMessage()).contains("'sendMessage' (id 2)");
        assertThat(resendable).isNotDone();
        connectedThenLoginOnly("S2", 4);
        loginSucceeds(4, "S2");
        h.expectSent("{'msg':'method','id':'3','method':'sendMessage','params':['b']}");
        h.expectNothingSent();
        h.serverSends("{'msg':'result','id':'3','result':{'_id':'m1'}}");
        assertThat(resendable.join()).isEqualTo(java.util.Map.of("_id", "m1"));
        // answered: a further loss sends nothing again
        loseAndRedial(1, true);
        connectedThenLoginOnly("S3", 5);
        loginSucceeds(5, "S3");
        h.expectNothingSent();
    }

    @Test
    void subscriptionsComeBackAfterLoginOnceWithTheSameId() {
        firstConnect();
        DdpSubscription s = readySubscription("stream-x");
        assertThat(s.isReady()).isTrue();
        h.socket().peerClose(1006, "");
        h.scheduler.runPending();
        assertThat(h.events.next(EventRecorder.Interrupted.class).subscriptionId()).isEqualTo(s.id());
        assertThat(s.isReady()).isFalse();
        assertThat(s.ready()).isCompleted();
        assertThat(s.stopped()).isNotDone();
        h.events.next(EventRecorder.Disconnected.class);
        h.advance(h.events.next(EventRecorder.Reconnecting.class).delay());
        connectedThenLoginOnly("S2", 2);
        loginSucceeds(2, "S2");
        h.expectSent(sub(s));
        h.expectNothingSent();
        assertThat(s.isReady()).isFalse();
        h.serverSends("{'msg':'ready','subs':['" + s.id() + "']}");
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(s.id());
        assertThat(s.isReady()).isTrue();
    }

    @Test
    void twoQuickDropsInARowResubscribeOnceAndNeverQueueTheLoginAcrossSockets() {
        firstConnect();
        DdpSubscription s = readySubscription("stream-x");
        h.socket().peerClose(1006, "");
        h.scheduler.runPending();
        h.events.next(EventRecorder.Interrupted.class);
        h.events.next(EventRecorder.Disconnected.class);
        h.advance(h.events.next(EventRecorder.Reconnecting.class).delay());
        connectedThenLoginOnly("S2", 2);
        FakeTransport dropped = h.socket();
        // the second socket drops during its login: no onDisconnected (it never was ready), attempt 2
        loseAndRedial(2, false);
        assertThat(failure(logins.get(1), DdpConnectionClosedException.class).getMessage()).contains("'login' (id 2)");
        assertThat(dropped.allSent()).hasSize(2);
        connectedThenLoginOnly("S3", 3);
        loginSucceeds(3, "S3");
        h.expectSent(sub(s));
        h.expectNothingSent();
        h.serverSends("{'msg':'ready','subs':['" + s.id() + "']}");
        h.events.next(EventRecorder.Ready.class);
        assertThat(h.client.status().attempt()).isZero();
    }

    @Test
    void aFailedHandshakeOnAReconnectBacksOffAndRetries() {
        firstConnect();
        loseAndRedial(1, true);
        connectedThenLoginOnly("S2", 2);
        FakeTransport refused = h.socket();
        h.serverSends("{'msg':'result','id':'2','error':" + TOKEN_ERROR + "}");
        assertThat(refused.isClosed()).isTrue();
        EventRecorder.Reconnecting r = h.events.next(EventRecorder.Reconnecting.class);
        assertThat(r.attempt()).isEqualTo(2);
        assertThat(h.client.status().lastError()).contains("logged out by the server");
        h.advance(r.delay());
        connectedThenLoginOnly("S3", 3);
        loginSucceeds(3, "S3");
    }

    @Test
    void aFailedHandshakeOnTheFirstConnectFailsConnectWithItsErrorAndDoesNotReconnect() {
        CompletableFuture<Object> queued = h.client.call("m", List.of());
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        connectedThenLoginOnly("S1", 2);
        h.serverSends("{'msg':'result','id':'2','error':" + TOKEN_ERROR + "}");
        DdpMethodException e = failure(f, DdpMethodException.class);
        assertThat(e.getError()).isEqualTo(403);
        assertThat(e).isSameAs(failure(logins.get(0), DdpMethodException.class));
        assertThat(h.socket().isClosed()).isTrue();
        assertThat(failure(queued, DdpConnectionClosedException.class)).isNotNull();
        h.advance(Duration.ofMinutes(5));
        assertThat(h.factory.dialCount()).isEqualTo(1);
        assertThat(h.client.status().state()).isEqualTo(DdpClient.State.DISCONNECTED);
    }

    @Test
    void aHandshakeThatNeverCompletesTimesOut() {
        ClientHarness slow = new ClientHarness(b -> b.reconnect(POLICY).handshakeTimeout(Duration.ofSeconds(20))
                .handshake(calls -> new CompletableFuture<>()));
        CompletableFuture<String> f = slow.client.connect();
        slow.scheduler.runPending();
        slow.expectSent(ClientHarness.CONNECT);
        slow.serverSends("{'msg':'connected','session':'S1'}");
        slow.advance(Duration.ofSeconds(20).minusMillis(1));
        assertThat(f).isNotDone();
        slow.advance(Duration.ofMillis(1));
        assertThat(failure(f, DdpTimeoutException.class).getMessage()).contains("handshake").contains("20 s");
        assertThat(slow.socket().isClosed()).isTrue();
        slow.close();
    }

    @Test
    void aHandshakeThatThrowsFailsTheConnect() {
        ClientHarness broken = new ClientHarness(b -> b.handshake(calls -> {
            throw new IllegalStateException("no credentials");
        }));
        CompletableFuture<String> f = broken.client.connect();
        broken.scheduler.runPending();
        broken.expectSent(ClientHarness.CONNECT);
        broken.serverSends("{'msg':'connected','session':'S1'}");
        assertThat(failure(f, IllegalStateException.class).getMessage()).isEqualTo("no credentials");
        broken.close();
    }

    @Test
    void closeDuringTheHandshakeFailsConnectAndTheLogin() {
        CompletableFuture<String> f = h.client.connect();
        h.scheduler.runPending();
        connectedThenLoginOnly("S1", 1);
        h.client.close();
        h.scheduler.runPending();
        assertThat(failure(f, DdpConnectionClosedException.class)).isNotNull();
        assertThat(failure(logins.get(0), DdpConnectionClosedException.class)).isNotNull();
        assertThat(h.socket().isClosed()).isTrue();
    }

    @Test
    void aNosubWithAnErrorAfterAResubscribeEndsOnlyThatSubscription() {
        firstConnect();
        DdpSubscription kept = readySubscription("stream-a");
        DdpSubscription refused = readySubscription("stream-b");
        h.socket().peerClose(1006, "");
        h.scheduler.runPending();
        h.events.next(EventRecorder.Interrupted.class);
        h.events.next(EventRecorder.Interrupted.class);
        h.events.next(EventRecorder.Disconnected.class);
        h.advance(h.events.next(EventRecorder.Reconnecting.class).delay());
        connectedThenLoginOnly("S2", 2);
        loginSucceeds(2, "S2");
        h.expectSent(sub(kept));
        h.expectSent(sub(refused));
        h.serverSends("{'msg':'nosub','id':'" + refused.id() + "','error':{'isClientSafe':true,'error':'not-allowed',"
                + "'message':'[not-allowed]','errorType':'Meteor.Error'}}");
        h.serverSends("{'msg':'ready','subs':['" + kept.id() + "']}");
        EventRecorder.Stopped stopped = h.events.next(EventRecorder.Stopped.class);
        assertThat(stopped.subscriptionId()).isEqualTo(refused.id());
        assertThat(((DdpMethodException) stopped.error()).getErrorCode()).isEqualTo("not-allowed");
        assertThat(failure(refused.stopped(), DdpMethodException.class)).isSameAs(stopped.error());
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(kept.id());
        assertThat(kept.isReady()).isTrue();
        assertThat(kept.stopped()).isNotDone();
    }
}
