package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.model.UserPresence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PresenceWatchTest {
    private final FakeDdpConnection ddp = new FakeDdpConnection();
    private final PresenceWatch watch = new PresenceWatch(ddp);

    private static StreamEvent presence(String uid, String username, int code) {
        return new StreamEvent("stream-user-presence", uid, List.of(List.of(username, code, "")), uid, uid);
    }

    @Test
    void firstSubscriptionCarriesLaterOnesOnlyEditTheWatchedUsers() {
        List<StreamDelivery> a = new CopyOnWriteArrayList<>();
        List<StreamDelivery> b = new CopyOnWriteArrayList<>();
        StreamRegistration ra = watch.register(List.of("u1", "u2"), a::add);
        assertThat(ddp.subscriptions).singleElement().satisfies(s ->
                assertThat(s.params()).isEqualTo(List.of("", Map.of("added", List.of("u1", "u2"), "removed", List.of()))));
        assertThat(ra.ready()).isCompleted();

        ddp.autoReady = false;
        StreamRegistration rb = watch.register(List.of("u2", "u3"), b::add);
        assertThat(ddp.subscriptions).hasSize(2);
        assertThat(ddp.subscriptions.get(1).params()).isEqualTo(List.of("", Map.of("added", List.of("u3"), "removed", List.of())));
        assertThat(rb.ready()).isNotDone();
        ddp.subscriptions.get(1).nosub(null); // what the server answers to an edit
        assertThat(rb.ready()).isCompleted();
        assertThat(rb.isActive()).isTrue();

        ddp.emit(presence("u1", "alice", 1));
        ddp.emit(presence("u2", "bob", 2));
        ddp.emit(presence("u3", "carol", 0));
        ddp.emit(presence("u9", "dave", 1));
        assertThat(a).extracting(d -> ((UserPresence) d.body()).username()).containsExactly("alice", "bob");
        assertThat(b).extracting(d -> ((UserPresence) d.body()).username()).containsExactly("bob", "carol");
        assertThat(a.get(1).body()).isSameAs(b.get(0).body());

        ra.close();
        assertThat(ddp.subscriptions).hasSize(3);
        assertThat(ddp.subscriptions.get(2).params()).isEqualTo(List.of("", Map.of("added", List.of(), "removed", List.of("u1"))));
        assertThat(ddp.subscriptions.get(0).unsubscribed).isFalse();

        rb.close();
        assertThat(ddp.subscriptions.get(0).unsubscribed).isTrue();
        assertThat(ddp.streamListenerCount()).isZero();
    }

    @Test
    void aConsumerWatchingOnlyKnownUsersSendsNoEdit() {
        watch.register(List.of("u1", "u2"), d -> { });
        StreamRegistration second = watch.register(List.of("u1"), d -> { });
        assertThat(ddp.subscriptions).hasSize(1);
        assertThat(second.isActive()).isTrue();
        second.close();
        assertThat(ddp.subscriptions).hasSize(1);
    }

    @Test
    void aCarrierTheServerEndedIsReplacedWithoutLeavingItsListenerBehind() {
        List<StreamDelivery> a = new CopyOnWriteArrayList<>();
        List<StreamDelivery> b = new CopyOnWriteArrayList<>();
        watch.register(List.of("u1"), a::add);
        ddp.subscriptions.get(0).nosub(FakeDdpConnection.error("error-not-allowed", "Not allowed", null));
        watch.register(List.of("u1"), b::add);
        assertThat(ddp.streamListenerCount()).as("the ended carrier's listener is closed").isEqualTo(1);

        ddp.emit(presence("u1", "alice", 1));
        assertThat(a).as("delivered once, not once per carrier").hasSize(1);
        assertThat(b).hasSize(1);
    }

    @Test
    void aResubscribedCarrierIsBroughtUpToTheUnionOfTheWatchedUsers() {
        List<String> events = new CopyOnWriteArrayList<>();
        SubscriptionSink<StreamDelivery> sink = new SubscriptionSink<>() {
            @Override
            public void onEvent(StreamDelivery d) {
                events.add(((UserPresence) d.body()).username());
            }

            @Override
            public void onInterrupted() {
                events.add("interrupted");
            }

            @Override
            public void onResumed() {
                events.add("resumed");
            }
        };
        StreamRegistration first = watch.register(List.of("u1", "u2"), sink);
        watch.register(List.of("u3"), d -> { });
        first.close(); // the carrier's own frame still names u1 and u2; u1 and u2 are no longer watched... by this one
        watch.register(List.of("u2"), sink);
        int before = ddp.subscriptions.size();

        ddp.drop("network down");
        ddp.restore();

        // the client re-sent the carrier frame (u1, u2); the watch corrects it to today's union (u2, u3) with one edit
        assertThat(ddp.subscriptions).hasSize(before + 1);
        assertThat(ddp.subscriptions.get(before).params())
                .isEqualTo(List.of("", Map.of("added", List.of("u3"), "removed", List.of("u1"))));
        assertThat(events).containsExactly("interrupted", "resumed");
        ddp.emit(presence("u2", "bob", 1));
        assertThat(events).containsExactly("interrupted", "resumed", "bob");
    }
}
