package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.RocketChatInvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.Room;
import io.github.camelrocketchat.model.RoomRole;
import io.github.camelrocketchat.model.RoomSubscription;
import io.github.camelrocketchat.model.WireFixtures;
import io.github.camelrocketchat.session.RocketChatCall;
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

class ProducerBindingTest {
    private final CamelContext context = new DefaultCamelContext();
    private final RocketChatConfiguration config = new RocketChatConfiguration();
    private final ProducerBinding binding = new ProducerBinding(config, new DefaultHeaderFilterStrategy());

    private Exchange exchange(Object body, Object... headers) {
        Exchange ex = new DefaultExchange(context);
        ex.getMessage().setBody(body);
        for (int i = 0; i < headers.length; i += 2) {
            ex.getMessage().setHeader((String) headers[i], headers[i + 1]);
        }
        return ex;
    }

    private RocketChatCall call(String method, Object body, Object... headers) {
        return ProducerCalls.build(binding.readInput(exchange(body, headers), method), "bot", MessageIds::newId);
    }

    @Test
    void sendMessageFromTextWithAClientChosenId() {
        config.setRoomId("GENERAL");
        RocketChatCall c = call("sendMessage", "hello");
        assertThat(c.method()).isEqualTo("sendMessage");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) c.params().get(0);
        assertThat(doc).containsEntry("rid", "GENERAL").containsEntry("msg", "hello").containsOnlyKeys("rid", "msg", "_id");
        assertThat((String) doc.get("_id")).hasSize(17).matches("[23456789A-HJ-NP-Za-km-z]+");
        assertThat(c.restPreferred()).isFalse();
        assertThat(c.restEndpoint()).isEqualTo("chat.sendMessage");
        assertThat(call("sendMessage", "hello").params().get(0)).isNotEqualTo(doc);
    }

    @Test
    void sendMessageHeadersOverrideOptionsAndAliasPrefersRest() {
        config.setRoomId("GENERAL");
        config.setAlias("Bot");
        RocketChatCall c = call("sendMessage", "hi", RocketChatConstants.ROOM_ID, "OTHER", RocketChatConstants.THREAD_ID, "T1",
                RocketChatConstants.EMOJI, ":robot:");
        assertThat(c.params().get(0)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("rid", "OTHER").containsEntry("tmid", "T1").containsEntry("alias", "Bot").containsEntry("emoji", ":robot:");
        assertThat(c.restPreferred()).isTrue();
    }

    @Test
    void sendMessageFromAReceivedChatMessageSendsANewMessage() {
        ChatMessage received = ChatMessage.fromMap(WireFixtures.threaded());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) call("sendMessage", received, RocketChatConstants.ROOM_ID, "MIRROR").params().get(0);
        assertThat(doc).containsEntry("rid", "MIRROR").containsEntry("msg", "a reply").containsEntry("tmid", "mZ8pQ1rT5uV7wX9yA")
                .containsEntry("tshow", true).doesNotContainKeys("u", "ts", "_updatedAt");
        assertThat(doc.get("_id")).isNotEqualTo(received.id());

        ChatMessage fresh = ChatMessage.ofText("GENERAL", "with my id").withId("myOwnId0000000001");
        assertThat(call("sendMessage", fresh).params().get(0)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("_id", "myOwnId0000000001").containsEntry("rid", "GENERAL");
        assertThat(call("sendMessage", Map.of("rid", "R", "msg", "m", "attachments", List.of(Map.of("text", "a")))).restPreferred()).isTrue();
    }

    @Test
    void sendMessageWithoutRoomOrBodyFailsClearly() {
        assertThatThrownBy(() -> call("sendMessage", "hi")).isInstanceOf(RocketChatInvalidInputException.class)
                .hasMessageContaining("sendMessage needs a room");
        config.setRoomId("R");
        assertThatThrownBy(() -> call("sendMessage", 42)).hasMessageContaining("takes a String (the text), a ChatMessage or a Map");
    }

    @Test
    void updateAndDeleteMessage() {
        config.setRoomId("GENERAL");
        RocketChatCall update = call("updateMessage", "new text", RocketChatConstants.MESSAGE_ID, "m1");
        assertThat(update.params()).containsExactly(Map.of("_id", "m1", "rid", "GENERAL", "msg", "new text"));
        assertThatThrownBy(() -> call("updateMessage", "x")).hasMessageContaining("needs the message id");
        RocketChatCall fromMessage = call("updateMessage", ChatMessage.fromMap(WireFixtures.normal()));
        assertThat(fromMessage.params().get(0)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("_id", "mZ8pQ1rT5uV7wX9yA").containsEntry("msg", "hello");

        RocketChatCall delete = call("deleteMessage", "m1");
        assertThat(delete.params()).containsExactly(Map.of("_id", "m1"));
        assertThat(delete.restEndpoint()).isEqualTo("chat.delete");
        assertThat(call("deleteMessage", null, RocketChatConstants.MESSAGE_ID, "m2").params()).containsExactly(Map.of("_id", "m2"));
        assertThatThrownBy(() -> call("deleteMessage", null)).hasMessageContaining("deleteMessage needs the message id");
    }

    @Test
    void reactionsRoomsAndMembership() {
        config.setRoomId("GENERAL");
        assertThat(call("setReaction", "thumbsup", RocketChatConstants.MESSAGE_ID, "m1").params()).containsExactly(":thumbsup:", "m1");
        assertThat(call("setReaction", ":x:", RocketChatConstants.MESSAGE_ID, "m1", RocketChatConstants.SHOULD_REACT, false).params())
                .containsExactly(":x:", "m1", false);
        assertThatThrownBy(() -> call("setReaction", ":x:")).hasMessageContaining("MessageId");

        config.setMembers("alice, bob");
        assertThat(call("createChannel", "ops").params()).containsExactly("ops", List.of("alice", "bob"), false);
        assertThat(call("createPrivateGroup", "secret", RocketChatConstants.MEMBERS, List.of("carol"), RocketChatConstants.READ_ONLY, true)
                .params()).containsExactly("secret", List.of("carol"), true);
        assertThatThrownBy(() -> call("createChannel", "")).hasMessageContaining("the room name as the body");
        assertThat(call("createDirectMessage", "alice,bob").params()).containsExactly("alice", "bob");
        assertThat(call("createDirectMessage", List.of("carol")).params()).containsExactly("carol");

        assertThat(call("joinRoom", null).params()).containsExactly("GENERAL");
        assertThat(call("leaveRoom", null, RocketChatConstants.ROOM_ID, "R9").params()).containsExactly("R9");
        assertThat(call("getRoomRoles", null).params()).containsExactly("GENERAL");
        assertThat(call("getRoomRoles", null).restEndpoint()).isEqualTo("rooms.roles");
        config.setRoomId(null);
        assertThat(call("joinRoom", "BODYROOM").params()).containsExactly("BODYROOM");
    }

    @Test
    void listsStatusHistoryAndGenericCalls() {
        Instant since = Instant.parse("2024-11-18T00:00:00Z");
        assertThat(call("subscriptions/get", null).params()).isEmpty();
        assertThat(call("rooms/get", since).params()).containsExactly(since);
        assertThat(call("rooms/get", "2024-11-18T00:00:00Z").params()).containsExactly(since);
        assertThatThrownBy(() -> call("rooms/get", "yesterday")).hasMessageContaining("not an ISO-8601 instant");

        assertThat(call("UserPresence:setDefaultStatus", "away").params()).containsExactly("away");
        assertThatThrownBy(() -> call("UserPresence:setDefaultStatus", "sleeping")).hasMessageContaining("online, away, busy or offline");
        assertThat(call("setUserStatus", "busy", RocketChatConstants.STATUS_TEXT, "in a meeting").params()).containsExactly("busy", "in a meeting");
        assertThat(call("setUserStatus", Map.of("status", "online", "statusText", "back")).params()).containsExactly("online", "back");

        config.setRoomId("GENERAL");
        config.setLimit(50);
        assertThat(call("loadHistory", null).params()).isEqualTo(Arrays.asList("GENERAL", null, 50, null, true));
        assertThat(call("loadHistory", since, RocketChatConstants.LIMIT, 5).params()).isEqualTo(Arrays.asList("GENERAL", since, 5, null, true));
        assertThat(call("loadMissedMessages", since.toEpochMilli()).params()).containsExactly("GENERAL", since);
        assertThatThrownBy(() -> call("loadMissedMessages", null)).hasMessageContaining("needs a date");

        assertThat(call("getUsersOfRoom", List.of("GENERAL", true)).params()).containsExactly("GENERAL", true);
        assertThat(call("readThreads", "T1").params()).containsExactly("T1");
        assertThat(call("public-settings/get", null).params()).isEmpty();
        assertThat(call("ignored", null, RocketChatConstants.METHOD, "spotlight").method()).isEqualTo("spotlight");
    }

    @Test
    void typingOnStreamNotifyRoom() {
        config.setRoomId("GENERAL");
        assertThat(call("stream-notify-room", true).params()).containsExactly("GENERAL/user-activity", "bot", List.of("user-typing"));
        assertThat(call("stream-notify-room", false, RocketChatConstants.THREAD_ID, "T1").params())
                .containsExactly("GENERAL/user-activity", "bot", List.of(), Map.of("tmid", "T1"));
        config.setEvent("typing");
        assertThat(call("stream-notify-room", "true").params()).containsExactly("GENERAL/typing", "bot", true);
        assertThat(call("stream-notify-room", List.of("a", "b"), RocketChatConstants.EVENT_NAME, "GENERAL/custom").params())
                .containsExactly("GENERAL/custom", "a", "b");
        assertThatThrownBy(() -> ProducerCalls.build(binding.readInput(exchange(true), "stream-notify-room"), null, MessageIds::newId))
                .hasMessageContaining("set the username option");
        assertThatThrownBy(() -> call("stream-notify-user", "x")).hasMessageContaining("needs the event name");
    }

    private Exchange apply(String method, Object body, Object result, Object... headers) {
        Exchange ex = exchange(body, headers);
        ProducerInput in = binding.readInput(ex, method);
        ProducerResults.apply(ex.getMessage(), in, ProducerCalls.build(in, "bot", MessageIds::newId), result);
        return ex;
    }

    @Test
    void resultsBecomeTypedBodiesWithIdsInHeaders() {
        config.setRoomId("GENERAL");
        Exchange sent = apply("sendMessage", "hello", WireFixtures.normal());
        assertThat(sent.getMessage().getBody()).isEqualTo(ChatMessage.fromMap(WireFixtures.normal()));
        assertThat(sent.getMessage().getHeaders()).containsEntry(RocketChatConstants.MESSAGE_ID, "mZ8pQ1rT5uV7wX9yA")
                .containsEntry(RocketChatConstants.ROOM_ID, "GENERAL").containsEntry(RocketChatConstants.TIMESTAMP, WireFixtures.T0);
        assertThatThrownBy(() -> apply("sendMessage", "hello", null)).isInstanceOf(RocketChatException.class)
                .hasMessageContaining("answered no message");

        Exchange updated = apply("updateMessage", "new", null, RocketChatConstants.MESSAGE_ID, "m1");
        assertThat(updated.getMessage().getBody(ChatMessage.class).text()).isEqualTo("new");
        assertThat(updated.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo("m1");

        assertThat(apply("deleteMessage", "m1", null).getMessage().getBody()).isEqualTo(new DeletedMessage("GENERAL", "m1"));

        Exchange created = apply("createChannel", "ops", Map.of("rid", "R7", "name", "ops"));
        assertThat(created.getMessage().getBody(Room.class).id()).isEqualTo("R7");
        assertThat(created.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_ID, "R7").containsEntry(RocketChatConstants.ROOM_NAME, "ops");
        Exchange dm = apply("createDirectMessage", "alice", Map.of("rid", "uid-botuid-alice", "t", "d", "usernames", List.of("bot", "alice")));
        assertThat(dm.getMessage().getHeaders()).containsEntry(RocketChatConstants.ROOM_ID, "uid-botuid-alice")
                .containsEntry(RocketChatConstants.ROOM_TYPE, "d").doesNotContainKey(RocketChatConstants.ROOM_NAME);

        @SuppressWarnings("unchecked")
        List<RoomRole> roles = apply("getRoomRoles", null, List.of(Map.of("rid", "GENERAL", "u", Map.of("_id", "u1", "username", "alice"),
                "roles", List.of("owner")))).getMessage().getBody(List.class);
        assertThat(roles).containsExactly(new RoomRole("GENERAL", new io.github.camelrocketchat.model.ChatUser("u1", "alice", null), List.of("owner")));
    }

    @Test
    void historyIsOldestFirstAndSyncListsCarryRemovals() {
        config.setRoomId("GENERAL");
        Map<String, Object> newer = WireFixtures.threaded();
        Map<String, Object> older = WireFixtures.normal();
        @SuppressWarnings("unchecked")
        List<ChatMessage> history = apply("loadHistory", null, Map.of("messages", List.of(newer, older))).getMessage().getBody(List.class);
        assertThat(history).extracting(ChatMessage::id).containsExactly("mZ8pQ1rT5uV7wX9yA", "rEpLy000000000001");
        @SuppressWarnings("unchecked")
        List<ChatMessage> missed = apply("loadMissedMessages", Instant.EPOCH, List.of(newer, older)).getMessage().getBody(List.class);
        assertThat(missed).extracting(ChatMessage::id).containsExactly("mZ8pQ1rT5uV7wX9yA", "rEpLy000000000001");
        assertThat(apply("loadMissedMessages", Instant.EPOCH, false).getMessage().getBody(List.class)).isEmpty();

        Exchange subs = apply("subscriptions/get", null, List.of(Map.of("_id", "S1", "rid", "GENERAL", "name", "general", "t", "c")));
        assertThat(subs.getMessage().getBody(List.class)).singleElement().isInstanceOf(RoomSubscription.class);
        Exchange sync = apply("rooms/get", Instant.EPOCH, Map.of("update", List.of(Map.of("_id", "R1", "t", "c")),
                "remove", List.of(Map.of("_id", "R2", "_deletedAt", Instant.EPOCH))));
        assertThat(sync.getMessage().getBody(List.class)).singleElement().isInstanceOf(Room.class);
        assertThat(sync.getMessage().getHeader(RocketChatConstants.REMOVED_IDS)).isEqualTo(List.of("R2"));

        assertThat(apply("joinRoom", null, true).getMessage().getBody()).isEqualTo(true);
        assertThat(apply("spotlight", List.of("al"), Map.of("users", List.of())).getMessage().getBody()).isEqualTo(Map.of("users", List.of()));
    }
}
