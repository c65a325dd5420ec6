package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatConstants;
import static org.assertj.core.api.Assertions.assertThat;
import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.session.StreamBodies;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.WireFixtures;
import io.github.camelrocketchat.session.PublicationChange;
import io.github.camelrocketchat.session.StreamDelivery;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.junit.jupiter.api.Test;

class ConsumerBindingTest {
    private final CamelContext context = new DefaultCamelContext();
    private final ConsumerBinding binding = new ConsumerBinding(new DefaultHeaderFilterStrategy());

    private Exchange fill(MessageEvent event, String stream, String eventName, Object... args) {
        StreamEvent e = new StreamEvent(stream, eventName, Arrays.asList(args), "id", null);
        Exchange ex = new DefaultExchange(context);
        binding.fillStreamExchange(ex, new StreamDelivery(e.collection(), e.eventName(), e.args(), StreamBodies.toBody(e)), event);
        return ex;
    }

    @Test
    void roomMessageBodyAndHeaders() {
        Exchange ex = fill(MessageEvent.CREATED, "stream-room-messages", "GENERAL", WireFixtures.normal());
        assertThat(ex.getMessage().getBody()).isEqualTo(ChatMessage.fromMap(WireFixtures.normal()));
        assertThat(ex.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_ID, "GENERAL")
                .containsEntry(RocketChatConstants.MESSAGE_ID, "mZ8pQ1rT5uV7wX9yA")
                .containsEntry(RocketChatConstants.USER_ID, "aBcD1234efGh5678i")
                .containsEntry(RocketChatConstants.USERNAME, "alice")
                .containsEntry(RocketChatConstants.TIMESTAMP, WireFixtures.T0)
                .containsEntry(RocketChatConstants.UPDATED_AT, WireFixtures.T0)
                .containsEntry(RocketChatConstants.MESSAGE_EVENT, "created")
                .containsEntry(RocketChatConstants.STREAM, "stream-room-messages")
                .containsEntry(RocketChatConstants.EVENT_NAME, "GENERAL")
                .doesNotContainKeys(RocketChatConstants.THREAD_ID, RocketChatConstants.EDITED_AT, RocketChatConstants.MESSAGE_TYPE);
        assertThat(ex.getMessage().getBody(String.class)).isEqualTo("hello");
    }

    @Test
    void editedThreadedDeletedAndSystemHeaders() {
        Exchange edited = fill(MessageEvent.EDITED, "stream-room-messages", "GENERAL", WireFixtures.edited());
        assertThat(edited.getMessage().getHeader(RocketChatConstants.EDITED_AT)).isEqualTo(WireFixtures.T0.plusSeconds(30));
        assertThat(edited.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT)).isEqualTo("edited");

        Exchange reply = fill(MessageEvent.CREATED, "stream-room-messages", "GENERAL", WireFixtures.threaded());
        assertThat(reply.getMessage().getHeader(RocketChatConstants.THREAD_ID)).isEqualTo("mZ8pQ1rT5uV7wX9yA");

        Exchange deleted = fill(MessageEvent.DELETED, "stream-room-messages", "GENERAL", WireFixtures.deletedWithStatus());
        assertThat(deleted.getMessage().getHeader(RocketChatConstants.MESSAGE_TYPE)).isEqualTo("rm");
        assertThat(deleted.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT)).isEqualTo("deleted");

        Exchange joined = fill(MessageEvent.CREATED, "stream-room-messages", "GENERAL", WireFixtures.systemJoined());
        assertThat(joined.getMessage().getHeader(RocketChatConstants.MESSAGE_TYPE)).isEqualTo("uj");
        assertThat(joined.getMessage().getHeader(RocketChatConstants.USERNAME)).isEqualTo("carol");
    }

    @Test
    void myMessagesAddsTheRoomOfEachMessage() {
        Exchange ex = fill(MessageEvent.UPDATED, "stream-room-messages", "__my_messages__", WireFixtures.withReactionsAndUrls(),
                WireFixtures.myMessagesRoom());
        assertThat(ex.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_TYPE, "c")
                .containsEntry(RocketChatConstants.ROOM_NAME, "general").containsEntry(RocketChatConstants.ROOM_PARTICIPANT, true)
                .containsEntry(RocketChatConstants.EVENT_NAME, "__my_messages__");
        assertThat(ex.getMessage().getBody(ChatMessage.class).reactions()).containsKey(":thumbsup:");
    }

    @Test
    void notifyRoomEvents() {
        Exchange typing = fill(null, "stream-notify-room", "GENERAL/user-activity", "alice", List.of("user-typing"), Map.of("tmid", "T1"));
        assertThat(typing.getMessage().getBody()).isInstanceOf(UserActivity.class);
        assertThat(typing.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_ID, "GENERAL")
                .containsEntry(RocketChatConstants.USERNAME, "alice").containsEntry(RocketChatConstants.THREAD_ID, "T1")
                .doesNotContainKey(RocketChatConstants.MESSAGE_EVENT);

        Exchange del = fill(MessageEvent.DELETED, "stream-notify-room", "GENERAL/deleteMessage", Map.of("_id", "m1"));
        assertThat(del.getMessage().getBody()).isEqualTo(new DeletedMessage("GENERAL", "m1"));
        assertThat(del.getMessage().getHeaders()).containsEntry(RocketChatConstants.MESSAGE_ID, "m1")
                .containsEntry(RocketChatConstants.MESSAGE_EVENT, "deleted");

        Exchange read = fill(null, "stream-notify-room", "GENERAL/messagesRead", Map.of("until", Instant.EPOCH));
        assertThat(read.getMessage().getBody()).isEqualTo(List.of(Map.of("until", Instant.EPOCH)));
        assertThat(read.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo("GENERAL");
    }

    @Test
    void notifyUserAndLoggedEvents() {
        Map<String, Object> payload = Map.of("_id", "m1", "rid", "R1", "type", "d", "name", "bob",
                "sender", Map.of("_id", "u2", "username", "bob"));
        Exchange n = fill(null, "stream-notify-user", "uid/notification", Map.of("title", "bob", "text", "hi", "payload", payload));
        assertThat(n.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_ID, "R1")
                .containsEntry(RocketChatConstants.ROOM_TYPE, "d").containsEntry(RocketChatConstants.MESSAGE_ID, "m1")
                .containsEntry(RocketChatConstants.USERNAME, "bob").containsEntry(RocketChatConstants.USER_ID, "u2");

        Exchange rc = fill(null, "stream-notify-user", "uid/rooms-changed", "inserted", Map.of("_id", "R2", "t", "p", "name", "ops"));
        assertThat(rc.getMessage().getHeaders()).containsEntry(RocketChatConstants.ACTION, "inserted")
                .containsEntry(RocketChatConstants.ROOM_ID, "R2").containsEntry(RocketChatConstants.ROOM_TYPE, "p");

        Exchange sc = fill(null, "stream-notify-user", "uid/subscriptions-changed", "updated", Map.of("_id", "S", "rid", "R3", "name", "dev", "t", "c"));
        assertThat(sc.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_ID, "R3").containsEntry(RocketChatConstants.ACTION, "updated");

        Exchange st = fill(null, "stream-notify-logged", "user-status", List.of("u1", "alice", 3, "", "Alice", List.of()));
        assertThat(st.getMessage().getHeaders()).containsEntry(RocketChatConstants.USER_ID, "u1").containsEntry(RocketChatConstants.USERNAME, "alice");
        assertThat(st.getMessage().getBody(String.class)).contains("\"status\":\"busy\"");

        StreamEvent pe = new StreamEvent("stream-user-presence", "u1", List.of(List.of("alice", 2, "")), "u1", "u1");
        Exchange p = new DefaultExchange(context);
        binding.fillStreamExchange(p, new StreamDelivery(pe.collection(), pe.eventName(), pe.args(), StreamBodies.toBody(pe)), null);
        assertThat(p.getMessage().getHeaders()).containsEntry(RocketChatConstants.USER_ID, "u1").containsEntry(RocketChatConstants.USERNAME, "alice");
    }

    @Test
    void publicationDataCarriesTheMergedDocument() {
        Exchange ex = new DefaultExchange(context);
        binding.fillPublicationExchange(ex, "meteor.loginServiceConfiguration",
                new PublicationChange("meteor_accounts_loginServiceConfiguration", "changed", "d1", Map.of("_id", "d1", "a", 1), Map.of("a", 1)));
        assertThat(ex.getMessage().getBody()).isEqualTo(Map.of("_id", "d1", "a", 1));
        assertThat(ex.getMessage().getHeaders()).containsEntry(RocketChatConstants.COLLECTION, "meteor_accounts_loginServiceConfiguration")
                .containsEntry(RocketChatConstants.CHANGE_TYPE, "changed").containsEntry(RocketChatConstants.DOCUMENT_ID, "d1")
                .containsEntry(RocketChatConstants.STREAM, "meteor.loginServiceConfiguration");
    }

    @Test
    void theHeaderFilterStrategyDropsFilteredHeaders() {
        DefaultHeaderFilterStrategy strategy = new DefaultHeaderFilterStrategy();
        strategy.setInFilter(java.util.Set.of(RocketChatConstants.USERNAME));
        ConsumerBinding filtered = new ConsumerBinding(strategy);
        StreamEvent e = new StreamEvent("stream-room-messages", "GENERAL", List.of(WireFixtures.normal()), "id", null);
        Exchange ex = new DefaultExchange(context);
        filtered.fillStreamExchange(ex, new StreamDelivery(e.collection(), e.eventName(), e.args(), StreamBodies.toBody(e)), MessageEvent.CREATED);
        assertThat(ex.getMessage().getHeaders()).doesNotContainKey(RocketChatConstants.USERNAME).containsKey(RocketChatConstants.USER_ID);
    }
}
