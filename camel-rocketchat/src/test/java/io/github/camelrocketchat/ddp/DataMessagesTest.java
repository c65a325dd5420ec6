package io.github.camelrocketchat.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataMessagesTest {
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void connect() {
        h.connect();
    }

    @AfterEach
    void noLeftovers() {
        h.close();
    }

    @Test
    void collectionMessagesReachTheListenersOfThatCollectionInFrameOrder() {
        h.client.onCollection("users", h.events);
        h.client.onCollection("c", h.events);
        h.serverSends("{'msg':'added','collection':'users','id':'u1','fields':{'username':'alice','name':'Alice',"
                + "'createdAt':{'$date':1731928800000}}}");
        h.serverSends("{'msg':'changed','collection':'users','id':'u1','fields':{'name':'Alice B.'},'cleared':['nickname']}");
        h.serverSends("{'msg':'changed','collection':'users','id':'u1','cleared':['name']}");
        h.serverSends("{'msg':'removed','collection':'users','id':'u1'}");
        h.serverSends("{'msg':'addedBefore','collection':'c','id':'x','fields':{'a':1},'before':null}");
        h.serverSends("{'msg':'addedBefore','collection':'c','id':'y','before':'x'}");
        h.serverSends("{'msg':'movedBefore','collection':'c','id':'x','before':'y'}");
        h.serverSends("{'msg':'movedBefore','collection':'c','id':'y'}");
        h.serverSends("{'msg':'added','collection':'other','id':'z'}");

        EventRecorder.Added added = h.events.next(EventRecorder.Added.class);
        assertThat(added.collection()).isEqualTo("users");
        assertThat(added.id()).isEqualTo("u1");
        assertThat(added.fields()).containsExactly(Map.entry("username", "alice"), Map.entry("name", "Alice"),
                Map.entry("createdAt", Instant.ofEpochMilli(1731928800000L)));
        assertThat(h.events.next(EventRecorder.Changed.class))
                .isEqualTo(new EventRecorder.Changed("users", "u1", Map.of("name", "Alice B."), List.of("nickname")));
        assertThat(h.events.next(EventRecorder.Changed.class))
                .isEqualTo(new EventRecorder.Changed("users", "u1", Map.of(), List.of("name")));
        assertThat(h.events.next(EventRecorder.Removed.class)).isEqualTo(new EventRecorder.Removed("users", "u1"));
        assertThat(h.events.next(EventRecorder.AddedBefore.class))
                .isEqualTo(new EventRecorder.AddedBefore("c", "x", Map.of("a", 1), null));
        assertThat(h.events.next(EventRecorder.AddedBefore.class))
                .isEqualTo(new EventRecorder.AddedBefore("c", "y", Map.of(), "x"));
        assertThat(h.events.next(EventRecorder.MovedBefore.class)).isEqualTo(new EventRecorder.MovedBefore("c", "x", "y"));
        assertThat(h.events.next(EventRecorder.MovedBefore.class)).isEqualTo(new EventRecorder.MovedBefore("c", "y", null));
    }

    @Test
    void streamEventsAreDispatchedByCollectionAndEventNameAndNotAsCollectionChanges() {
        EventRecorder general = new EventRecorder();
        EventRecorder all = new EventRecorder();
        h.client.onStream("stream-room-messages", "GENERAL", general);
        h.client.onStream("stream-room-messages", null, all);
        h.client.onCollection("stream-room-messages", h.events);

        h.serverSends("{'msg':'changed','collection':'stream-room-messages','id':'id','fields':{'eventName':'GENERAL',"
                + "'args':[{'_id':'m1','rid':'GENERAL','msg':'hi','ts':{'$date':1731928800000},"
                + "'u':{'_id':'u1','username':'alice'},'_updatedAt':{'$date':1731928800000}}]}}");
        h.serverSends("{'msg':'changed','collection':'stream-room-messages','id':'id','fields':{'eventName':'OTHER','args':[]}}");

        StreamEvent e = general.next(EventRecorder.Stream.class).event();
        assertThat(e.collection()).isEqualTo("stream-room-messages");
        assertThat(e.eventName()).isEqualTo("GENERAL");
        assertThat(e.id()).isEqualTo("id");
        assertThat(e.uid()).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) e.args().get(0);
        assertThat(message).containsEntry("ts", Instant.ofEpochMilli(1731928800000L)).containsEntry("msg", "hi");
        assertThat(all.next(EventRecorder.Stream.class).event()).isSameAs(e);
        assertThat(all.next(EventRecorder.Stream.class).event().eventName()).isEqualTo("OTHER");
        general.assertExhausted();
        all.assertExhausted();
    }

    @Test
    void presenceEventsUseTheUserIdAsFrameIdAndCarryUid() {
        EventRecorder presence = new EventRecorder();
        h.client.onStream("stream-user-presence", "aBcD1234efGh5678i", presence);
        h.serverSends("{'msg':'changed','collection':'stream-user-presence','id':'aBcD1234efGh5678i',"
                + "'fields':{'uid':'aBcD1234efGh5678i','args':[['alice',1,'at lunch']],'eventName':'aBcD1234efGh5678i'}}");
        // an older shape without eventName is routed by uid
        h.serverSends("{'msg':'changed','collection':'stream-user-presence','id':'aBcD1234efGh5678i',"
                + "'fields':{'uid':'aBcD1234efGh5678i','args':[['alice',2,'']]}}");
        StreamEvent e = presence.next(EventRecorder.Stream.class).event();
        assertThat(e).isEqualTo(new StreamEvent("stream-user-presence", "aBcD1234efGh5678i",
                List.of(List.of("alice", 1, "at lunch")), "aBcD1234efGh5678i", "aBcD1234efGh5678i"));
        assertThat(presence.next(EventRecorder.Stream.class).event().args()).isEqualTo(List.of(List.of("alice", 2, "")));
        presence.assertExhausted();
    }

    @Test
    void aListenerOfEveryCollectionGetsEachCollectionsDataButNoStreamEvent() {
        EventRecorder any = new EventRecorder();
        Registration r = h.client.onCollection(null, any);
        h.client.onCollection("users", h.events);
        h.serverSends("{'msg':'added','collection':'users','id':'u1','fields':{'username':'alice'}}");
        h.serverSends("{'msg':'changed','collection':'stream-room-messages','id':'id','fields':{'eventName':'GENERAL','args':[]}}");
        h.serverSends("{'msg':'added','collection':'meteor_accounts_loginServiceConfiguration','id':'c1','fields':{'service':'x'}}");
        h.serverSends("{'msg':'removed','collection':'users','id':'u1'}");

        assertThat(any.next(EventRecorder.Added.class).collection()).isEqualTo("users");
        assertThat(any.next(EventRecorder.Added.class).collection()).isEqualTo("meteor_accounts_loginServiceConfiguration");
        assertThat(any.next(EventRecorder.Removed.class).id()).isEqualTo("u1");
        any.assertExhausted();
        assertThat(h.events.next(EventRecorder.Added.class).id()).isEqualTo("u1");
        assertThat(h.events.next(EventRecorder.Removed.class).id()).isEqualTo("u1");

        r.close();
        h.serverSends("{'msg':'added','collection':'users','id':'u2'}");
        assertThat(h.events.next(EventRecorder.Added.class).id()).isEqualTo("u2");
        any.assertExhausted();
    }

    @Test
    void aChangedStreamFrameWithoutArgsIsAnOrdinaryCollectionChange() {
        h.client.onCollection("stream-room-messages", h.events);
        h.serverSends("{'msg':'added','collection':'stream-room-messages','id':'id','fields':{'eventName':'GENERAL'}}");
        h.serverSends("{'msg':'changed','collection':'stream-room-messages','id':'id','fields':{'eventName':'GENERAL'}}");
        assertThat(h.events.next(EventRecorder.Added.class).fields()).isEqualTo(Map.of("eventName", "GENERAL"));
        assertThat(h.events.next(EventRecorder.Changed.class).fields()).isEqualTo(Map.of("eventName", "GENERAL"));
    }

    @Test
    void removedRegistrationsGetNothingMore() {
        EventRecorder stream = new EventRecorder();
        Registration s = h.client.onStream("stream-notify-room", "GENERAL/user-activity", stream);
        Registration c = h.client.onCollection("users", h.events);
        s.close();
        s.close();
        c.close();
        h.serverSends("{'msg':'changed','collection':'stream-notify-room','id':'id','fields':{'eventName':"
                + "'GENERAL/user-activity','args':['alice',['user-typing']]}}");
        h.serverSends("{'msg':'added','collection':'users','id':'u1'}");
        stream.assertExhausted();
    }

    @Test
    void aThrowingListenerDoesNotStopDelivery() {
        h.client.onStream("stream-x", null, ev -> {
            throw new IllegalStateException("listener bug (expected in this test)");
        });
        EventRecorder after = new EventRecorder();
        h.client.onStream("stream-x", null, after);
        org.apache.logging.log4j.core.config.Configurator.setLevel(
                "io.github.camelrocketchat.ddp.internal.SerialExecutor", org.apache.logging.log4j.Level.OFF);
        try {
            h.serverSends("{'msg':'changed','collection':'stream-x','id':'id','fields':{'eventName':'e','args':[1]}}");
            h.serverSends("{'msg':'changed','collection':'stream-x','id':'id','fields':{'eventName':'e','args':[2]}}");
        } finally {
            org.apache.logging.log4j.core.config.Configurator.setLevel(
                    "io.github.camelrocketchat.ddp.internal.SerialExecutor", (org.apache.logging.log4j.Level) null);
        }
        assertThat(after.next(EventRecorder.Stream.class).event().args()).containsExactly(1);
        assertThat(after.next(EventRecorder.Stream.class).event().args()).containsExactly(2);
        after.assertExhausted();
        assertThat(h.client.isConnected()).isTrue();
    }
}
