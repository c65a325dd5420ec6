package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void connect() {
        h.connect();
    }

    @AfterEach
    void noLeftovers() {
        h.close();
    }

    private DdpSubscription subscribe(String name, List<?> params) {
        DdpSubscription s = h.client.subscribe(name, params, h.events);
        h.expectSent("{'msg':'sub','id':'" + s.id() + "','name':'" + name + "','params':'*'}");
        return s;
    }

    @Test
    void subscribeSendsSubWithARandomStringIdAndReadyCompletesIt() {
        DdpSubscription s = h.client.subscribe("stream-room-messages",
                List.of("GENERAL", Map.of("useCollection", false, "args", List.of())), h.events);
        h.expectSent("{'msg':'sub','id':'" + s.id() + "','name':'stream-room-messages',"
                + "'params':['GENERAL',{'useCollection':false,'args':[]}]}");
        assertThat(s.id()).hasSize(17).matches("[23456789A-HJ-NP-TWXYZa-km-z]+");
        assertThat(s.name()).isEqualTo("stream-room-messages");
        assertThat(s.params()).hasSize(2);
        assertThat(s.ready()).isNotDone();
        h.serverSends("{'msg':'ready','subs':['" + s.id() + "']}");
        assertThat(s.ready()).isCompleted();
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(s.id());
        assertThat(s.stopped()).isNotDone();
        s.stop();
        h.expectSent("{'msg':'unsub','id':'" + s.id() + "'}");
        assertThat(s.stopped()).isCompletedWithValue(null);
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isNull();
        // the server's answer to unsub, and a second stop(), change nothing
        h.serverSends("{'msg':'nosub','id':'" + s.id() + "'}");
        s.stop();
        h.expectNothingSent();
    }

    @Test
    void oneReadyMayListSeveralSubscriptionsAndARepeatedReadyIsHarmless() {
        DdpSubscription a = subscribe("stream-notify-user", List.of("u/notification", false));
        DdpSubscription b = subscribe("stream-notify-user", List.of("u/message", false));
        DdpSubscription c = subscribe("stream-notify-user", List.of("u/rooms-changed", false));
        h.serverSends("{'msg':'ready','subs':['" + a.id() + "','" + b.id() + "','" + c.id() + "']}");
        assertThat(List.of(a.ready(), b.ready(), c.ready())).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(a.id());
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(b.id());
        assertThat(h.events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(c.id());
        // re-run after login: ready again for subs that are already ready
        h.serverSends("{'msg':'ready','subs':['" + a.id() + "','" + b.id() + "']}");
        h.serverSends("{'msg':'ready','subs':['unknown-id']}");
        assertThat(h.client.badFrameCounts().values()).allMatch(n -> n == 0);
        h.expectNothingSent();
        for (DdpSubscription s : List.of(a, b, c)) {
            s.stop();
            h.expectSent("{'msg':'unsub','id':'" + s.id() + "'}");
            assertThat(h.events.next(EventRecorder.Stopped.class).subscriptionId()).isEqualTo(s.id());
        }
    }

    @Test
    void nosubWithErrorBeforeReadyFailsReadyWithADdpMethodException() {
        DdpSubscription s = subscribe("stream-foo", List.of("x", false));
        h.serverSends("{'msg':'nosub','id':'" + s.id() + "','error':{'isClientSafe':true,'error':404,"
                + "'reason':'Subscription \\u0027stream-foo\\u0027 not found',"
                + "'message':'Subscription \\u0027stream-foo\\u0027 not found [404]','errorType':'Meteor.Error'}}");
        DdpMethodException e = failure(s.ready(), DdpMethodException.class);
        assertThat(e.getError()).isEqualTo(404);
        assertThat(e.getReason()).isEqualTo("Subscription 'stream-foo' not found");
        assertThat(e.getMethod()).isEqualTo("stream-foo");
        assertThat(e.getCallId()).isEqualTo(s.id());
        assertThat(failure(s.stopped(), DdpMethodException.class)).isSameAs(e);
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isSameAs(e);
        s.stop();
        h.expectNothingSent();
    }

    @Test
    void nosubWithErrorAfterReadyEndsTheSubscriptionWithTheError() {
        DdpSubscription s = subscribe("stream-notify-user", List.of("u/message", false));
        h.serverSends("{'msg':'ready','subs':['" + s.id() + "']}");
        h.events.next(EventRecorder.Ready.class);
        h.serverSends("{'msg':'nosub','id':'" + s.id() + "','error':{'isClientSafe':true,'error':'not-allowed',"
                + "'message':'[not-allowed]','errorType':'Meteor.Error'}}");
        assertThat(s.ready()).isCompleted();
        DdpMethodException e = failure(s.stopped(), DdpMethodException.class);
        assertThat(e.getErrorCode()).isEqualTo("not-allowed");
        assertThat(e.getReason()).isNull();
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isSameAs(e);
    }

    @Test
    void nosubWithoutErrorEndsAReadySubscriptionNormally() {
        DdpSubscription s = subscribe("stream-user-presence", List.of("", Map.of("added", List.of("u1"))));
        h.serverSends("{'msg':'ready','subs':['" + s.id() + "']}");
        h.events.next(EventRecorder.Ready.class);
        h.serverSends("{'msg':'nosub','id':'" + s.id() + "'}");
        assertThat(s.stopped()).isCompletedWithValue(null);
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isNull();
    }

    @Test
    void nosubWithoutErrorBeforeReadyFailsReadyButEndsNormally() {
        // later stream-user-presence subs are answered with a bare nosub
        DdpSubscription s = subscribe("stream-user-presence", List.of("", Map.of("added", List.of("u2"))));
        h.serverSends("{'msg':'nosub','id':'" + s.id() + "'}");
        assertThat(failure(s.ready(), DdpException.class).getMessage()).contains("ended").contains("before it was ready");
        assertThat(s.stopped()).isCompletedWithValue(null);
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isNull();
    }

    @Test
    void stopBeforeTheSubWasSentSendsNothing() {
        h.close();
        ClientHarness offline = new ClientHarness();
        DdpSubscription s = offline.client.subscribe("stream-x", null, offline.events);
        s.stop();
        offline.scheduler.runPending();
        assertThat(failure(s.ready(), DdpException.class).getMessage()).contains("stopped before it was ready");
        assertThat(offline.events.next(EventRecorder.Stopped.class).error()).isNull();
        offline.client.connect();
        offline.expectSent(ClientHarness.CONNECT);
        offline.serverSends("{'msg':'connected','session':'S'}");
        offline.events.next(EventRecorder.Connected.class);
        offline.expectNothingSent();
        offline.close();
    }

    @Test
    void connectionLossEndsSubscriptionsWithConnectionClosed() {
        DdpSubscription ready = subscribe("a", List.of());
        DdpSubscription pending = subscribe("b", List.of());
        h.serverSends("{'msg':'ready','subs':['" + ready.id() + "']}");
        h.events.next(EventRecorder.Ready.class);
        h.socket().fail(new java.io.IOException("reset"));
        h.scheduler.runPending();
        assertThat(failure(ready.stopped(), DdpConnectionClosedException.class).getMessage()).contains("reset");
        assertThat(failure(pending.ready(), DdpConnectionClosedException.class)).isNotNull();
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isInstanceOf(DdpConnectionClosedException.class);
        assertThat(h.events.next(EventRecorder.Stopped.class).error()).isInstanceOf(DdpConnectionClosedException.class);
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.cause()).isInstanceOf(java.io.IOException.class);
        assertThat(d.closeCode()).isEqualTo(-1);
    }

    @Test
    void subscribeAfterCloseFailsAtOnce() {
        h.client.close();
        h.scheduler.runPending();
        h.events.next(EventRecorder.Disconnected.class);
        DdpSubscription s = h.client.subscribe("x", List.of(), null);
        assertThat(failure(s.ready(), DdpConnectionClosedException.class)).isNotNull();
        s.stop();
    }
}
