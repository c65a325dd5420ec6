package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.ModelJson;
import io.github.camelrocketchat.model.Notification;
import io.github.camelrocketchat.model.RoomChanged;
import io.github.camelrocketchat.model.SubscriptionChanged;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.UserPresence;
import io.github.camelrocketchat.model.UserStatus;
import io.github.camelrocketchat.model.WireFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamBodiesTest {

    private static Object body(String stream, String eventName, Object... args) {
        return StreamBodies.toBody(new StreamEvent(stream, eventName, Arrays.asList(args), "id", null));
    }

    @Test
    void roomMessagesBecomeChatMessages() {
        assertThat(body("stream-room-messages", "GENERAL", WireFixtures.normal()))
                .isEqualTo(ChatMessage.fromMap(WireFixtures.normal()));
        assertThat(body("stream-room-messages", "__my_messages__", WireFixtures.threaded(), WireFixtures.myMessagesRoom()))
                .isEqualTo(ChatMessage.fromMap(WireFixtures.threaded()));
    }

    @Test
    void userActivityAndLegacyTypingBecomeUserActivity() {
        UserActivity typing = (UserActivity) body("stream-notify-room", "GENERAL/user-activity", "alice", List.of("user-typing"), Map.of("tmid", "T1"));
        assertThat(typing).isEqualTo(new UserActivity("GENERAL", "alice", List.of("user-typing"), Map.of("tmid", "T1")));
        assertThat(typing.typing()).isTrue();
        assertThat(typing.threadId()).isEqualTo("T1");

        UserActivity stopped = (UserActivity) body("stream-notify-room", "GENERAL/user-activity", "alice", List.of());
        assertThat(stopped.typing()).isFalse();
        assertThat(stopped.extras()).isEmpty();

        UserActivity legacy = (UserActivity) body("stream-notify-room", "GENERAL/typing", "bob", true);
        assertThat(legacy).isEqualTo(new UserActivity("GENERAL", "bob", List.of("user-typing"), null));
        assertThat(((UserActivity) body("stream-notify-room", "GENERAL/typing", "bob", false)).typing()).isFalse();
    }

    @Test
    void deleteMessageBecomesDeletedMessage() {
        assertThat(body("stream-notify-room", "GENERAL/deleteMessage", Map.of("_id", "m1")))
                .isEqualTo(new DeletedMessage("GENERAL", "m1"));
    }

    @Test
    void notifyUserEvents() {
        Map<String, Object> payload = Map.of("_id", "m1", "rid", "R1", "tmid", "T1", "type", "d", "name", "bob",
                "sender", Map.of("_id", "u2", "username", "bob", "name", "Bob"), "message", Map.of("msg", "hi"));
        Notification n = (Notification) body("stream-notify-user", "uid-bot/notification",
                Map.of("title", "bob", "text", "hi", "payload", payload));
        assertThat(n.roomId()).isEqualTo("R1");
        assertThat(n.roomType()).isEqualTo("d");
        assertThat(n.messageId()).isEqualTo("m1");
        assertThat(n.threadId()).isEqualTo("T1");
        assertThat(n.sender().username()).isEqualTo("bob");
        assertThat(n.text()).isEqualTo("hi");

        RoomChanged rc = (RoomChanged) body("stream-notify-user", "uid-bot/rooms-changed", "updated",
                Map.of("_id", "R1", "t", "c", "name", "ops"));
        assertThat(rc.action()).isEqualTo("updated");
        assertThat(rc.room().name()).isEqualTo("ops");

        SubscriptionChanged sc = (SubscriptionChanged) body("stream-notify-user", "uid-bot/subscriptions-changed", "removed",
                Map.of("_id", "S1", "rid", "R1", "t", "c", "u", Map.of("_id", "uid-bot", "username", "bot")));
        assertThat(sc.subscription().roomId()).isEqualTo("R1");
        assertThat(sc.subscription().user().username()).isEqualTo("bot");

        Object ephemeral = body("stream-notify-user", "uid-bot/message", WireFixtures.normal());
        assertThat(ephemeral).isInstanceOf(ChatMessage.class);
    }

    @Test
    void userStatusAndPresence() {
        UserStatus s = (UserStatus) body("stream-notify-logged", "user-status",
                List.of("u1", "alice", 2, "at lunch", "Alice", List.of("user")));
        assertThat(s).isEqualTo(new UserStatus("u1", "alice", 2, "away", "at lunch", "Alice", List.of("user")));

        UserPresence p = (UserPresence) StreamBodies.toBody(new StreamEvent("stream-user-presence", "u1",
                List.of(List.of("alice", 1, "working")), "u1", "u1"));
        assertThat(p).isEqualTo(new UserPresence("u1", "alice", 1, "online", "working"));
    }

    @Test
    void unknownEventsAndSurprisingShapesGiveTheArgsList() {
        List<Object> args = List.of(Map.of("until", WireFixtures.T0));
        assertThat(body("stream-notify-room", "GENERAL/messagesRead", args.get(0))).isEqualTo(args);
        assertThat(body("stream-notify-all", "public-settings-changed", "updated", Map.of("_id", "Site_Name")))
                .isEqualTo(List.of("updated", Map.of("_id", "Site_Name")));
        // documented shape broken: no crash, raw args
        assertThat(body("stream-notify-room", "GENERAL/deleteMessage", "not-a-map")).isEqualTo(List.of("not-a-map"));
        assertThat(body("stream-room-messages", "GENERAL")).isEqualTo(List.of());
    }

    @Test
    void eventNameParts() {
        assertThat(StreamBodies.eventSuffix("GENERAL/user-activity")).isEqualTo("user-activity");
        assertThat(StreamBodies.eventPrefix("GENERAL/user-activity")).isEqualTo("GENERAL");
        assertThat(StreamBodies.eventSuffix("user-status")).isEqualTo("user-status");
        assertThat(StreamBodies.eventPrefix("user-status")).isNull();
    }

    @Test
    void everyRecordConvertsToJson() {
        String json = ModelJson.toJson(new UserPresence("u1", "alice", 1, "online", null));
        assertThat(json).isEqualTo("{\"_id\":\"u1\",\"username\":\"alice\",\"statusCode\":1,\"status\":\"online\"}");
        assertThat(ModelJson.toJson(ChatMessage.fromMap(WireFixtures.normal()))).contains("\"ts\":\"2024-11-18T11:20:00Z\"");
        assertThat(ModelJson.toJsonNode(new DeletedMessage("R", "m")).get("_id").asText()).isEqualTo("m");
    }
}
