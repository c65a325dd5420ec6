package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.WireFixtures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StreamFanOutTest {
    private final FakeDdpConnection ddp = new FakeDdpConnection();
    private final StreamFanOut fanOut = new StreamFanOut(ddp);

    @Test
    void twoConsumersOfOneStreamEventShareOneSubscriptionAndOneConvertedBody() {
        List<StreamDelivery> a = new CopyOnWriteArrayList<>();
        List<StreamDelivery> b = new CopyOnWriteArrayList<>();
        StreamRegistration ra = fanOut.register("stream-room-messages", "GENERAL", a::add);
        StreamRegistration rb = fanOut.register("stream-room-messages", "GENERAL", b::add);

        assertThat(ddp.subscriptions).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("stream-room-messages");
            assertThat(s.params()).isEqualTo(List.of("GENERAL", Map.of("useCollection", false, "args", List.of())));
        });
        assertThat(ra.ready()).isCompleted();
        assertThat(ra.isActive()).isTrue();

        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.normal());
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(1);
        assertThat(a.get(0).body()).isInstanceOf(ChatMessage.class).isSameAs(b.get(0).body());

        ra.close();
        ra.close();
        assertThat(ddp.subscriptions.get(0).unsubscribed).isFalse();
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.threaded());
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(2);

        rb.close();
        assertThat(ddp.subscriptions.get(0).unsubscribed).isTrue();
        assertThat(ddp.streamListenerCount()).isZero();
        assertThat(fanOut.subscriptionCount()).isZero();
    }

    @Test
    void differentEventsGetTheirOwnSubscriptions() {
        List<StreamDelivery> got = new CopyOnWriteArrayList<>();
        fanOut.register("stream-notify-room", "GENERAL/user-activity", got::add);
        fanOut.register("stream-notify-room", "GENERAL/deleteMessage", got::add);
        assertThat(ddp.subscriptions).hasSize(2);
        ddp.emit("stream-notify-room", "GENERAL/deleteMessage", Map.of("_id", "m1"));
        assertThat(got).singleElement().satisfies(d -> assertThat(d.eventName()).isEqualTo("GENERAL/deleteMessage"));
    }

    @Test
    void aRefusedSubscriptionIsNotReusedByTheNextConsumer() {
        ddp.autoReady = false;
        StreamRegistration first = fanOut.register("stream-notify-room", "SECRET/user-activity", d -> { });
        ddp.subscriptions.get(0).nosub(FakeDdpConnection.error("not-allowed", null, null));
        assertThat(first.ready()).isCompletedExceptionally();
        assertThat(first.isActive()).isFalse();
        assertThat(first.describeState()).startsWith("failed");

        StreamRegistration second = fanOut.register("stream-notify-room", "SECRET/user-activity", d -> { });
        assertThat(ddp.subscriptions).hasSize(2);
        ddp.subscriptions.get(1).markReady();
        assertThat(second.isActive()).isTrue();
        first.close();
        assertThat(ddp.subscriptions.get(1).unsubscribed).isFalse();
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        List<StreamDelivery> got = new CopyOnWriteArrayList<>();
        fanOut.register("stream-room-messages", "GENERAL", d -> {
            throw new IllegalStateException("boom");
        });
        fanOut.register("stream-room-messages", "GENERAL", got::add);
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.normal());
        assertThat(got).hasSize(1);
    }
}
