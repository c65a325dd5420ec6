package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** subscriptions/get, rooms/get, history loading, readMessages, spotlight, presence methods. */
class SyncMethodsTest extends ServerTestSupport {

    @Test
    void subscriptionsAndRoomsGetWithAndWithoutUpdatedAt() {
        RawDdpClient c = as("alice");
        JsonNode subs = c.result("1", "subscriptions/get").path("result");
        assertThat(subs).hasSize(1);
        assertThat(subs.get(0).path("rid").asText()).isEqualTo("GENERAL");
        assertThat(Json.isDate(subs.get(0).get("ts"))).isTrue();
        long since = clock.millis();
        clock.advance(Duration.ofSeconds(1));
        server.createChannel("later", "alice");
        server.as("alice").leave("later");
        JsonNode diff = c.result("2", "subscriptions/get", Json.date(since)).path("result");
        assertThat(diff.path("update")).isEmpty();
        assertThat(diff.path("remove")).hasSize(1);
        assertThat(Json.isDate(diff.path("remove").get(0).get("_deletedAt"))).isTrue();
        JsonNode rooms = c.result("3", "rooms/get", Json.date(since)).path("result");
        assertThat(rooms.path("remove").get(0).path("_id").asText()).isEqualTo(server.roomId("later"));
        assertThat(c.result("4", "rooms/get").path("result")).hasSize(1);
        assertThat(reason(c.result("5", "rooms/get", "2024-01-01"))).isEqualTo("Match failed");
    }

    @Test
    void loadHistoryNewestFirstWithUnreadInfoAndThreadFilter() {
        String first = server.as("bob").send("general", "one");
        clock.advance(Duration.ofSeconds(1));
        server.as("bob").replyInThread("general", first, "hidden reply", false);
        clock.advance(Duration.ofSeconds(1));
        server.as("bob").send("general", "three");
        clock.advance(Duration.ofSeconds(1));
        RawDdpClient c = as("alice");
        JsonNode all = c.result("1", "loadHistory", "GENERAL", null, 20, null, true).path("result");
        assertThat(all.path("messages")).extracting(m -> m.path("msg").asText())
                .containsExactly("three", "hidden reply", "one");
        JsonNode noThreads = c.result("2", "loadHistory", "GENERAL", null, 20, null, false).path("result");
        assertThat(noThreads.path("messages")).extracting(m -> m.path("msg").asText()).containsExactly("three", "one");
        JsonNode page = c.result("3", "loadHistory", "GENERAL", null, 1, Json.date(clock.millis() - 10_000), true)
                .path("result");
        assertThat(page.path("messages")).hasSize(1);
        assertThat(page.path("firstUnread").path("msg").asText()).isEqualTo("one");
        assertThat(page.path("unreadNotLoaded").asInt()).isEqualTo(2);
        JsonNode older = c.result("4", "loadHistory", "GENERAL", Json.date(clock.millis() - 2500), 20).path("result");
        assertThat(older.path("messages")).extracting(m -> m.path("msg").asText()).containsExactly("one");
        assertThat(error(client().result("5", "loadHistory", "GENERAL", null, 20))).isEqualTo("error-invalid-user");
    }

    @Test
    void loadMissedAndNextMessages() {
        long start = clock.millis();
        clock.advance(Duration.ofSeconds(1));
        server.as("bob").send("general", "a");
        clock.advance(Duration.ofSeconds(1));
        server.as("bob").send("general", "b");
        RawDdpClient c = as("alice");
        assertThat(c.result("1", "loadMissedMessages", "GENERAL", Json.date(start)).path("result"))
                .extracting(m -> m.path("msg").asText()).containsExactly("b", "a");
        assertThat(reason(c.result("2", "loadMissedMessages", "GENERAL"))).isEqualTo("Match failed");
        assertThat(c.result("3", "loadNextMessages", "GENERAL", Json.date(start), 1).path("result").path("messages"))
                .extracting(m -> m.path("msg").asText()).containsExactly("a");
        assertFrame("{\"msg\":\"result\",\"id\":\"4\",\"result\":false}", c.result("4", "loadMissedMessages", "x", Json.date(start)));
    }

    @Test
    void readMessagesResetsUnreadAndEmitsReadEvents() {
        server.as("bob").send("general", "unread");
        RawDdpClient c = as("alice");
        String uid = server.userId("alice");
        assertThat(c.result("0", "subscriptions/get").path("result").get(0).path("unread").asInt()).isEqualTo(1);
        c.sub("sc", "stream-notify-user", uid + "/subscriptions-changed", RawDdpClient.streamOptions());
        c.sub("mr", "stream-notify-room", "GENERAL/messagesRead", RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("1", "readMessages", "GENERAL");
        assertThat(changed(frames, "stream-notify-user").get(0).path("fields").path("args").get(1).path("unread").asInt())
                .isZero();
        assertThat(Json.isDate(changed(frames, "stream-notify-room").get(0).path("fields").path("args").get(0).get("until")))
                .isTrue();
        assertThat(error(client().result("2", "readMessages", "GENERAL"))).isEqualTo("error-invalid-user");
    }

    @Test
    void spotlightFindsUsersAndRooms() {
        server.createChannel("bobcats", "alice");
        RawDdpClient c = as("alice");
        JsonNode r = c.result("1", "spotlight", "bob", List.of(), obj("{\"users\":true,\"rooms\":true}")).path("result");
        assertThat(r.path("users")).extracting(u -> u.path("username").asText()).containsExactly("bob");
        assertThat(r.path("rooms")).extracting(u -> u.path("name").asText()).containsExactly("bobcats");
        JsonNode excluded = c.result("2", "spotlight", "bob", List.of("bob"), obj("{\"users\":true}")).path("result");
        assertThat(excluded.path("users")).isEmpty();
    }

    @Test
    void presenceMethodsChangeStatus() {
        RawDdpClient watcher = as("bob");
        watcher.sub("st", "stream-notify-logged", "user-status", RawDdpClient.streamOptions());
        RawDdpClient c = as("alice");
        String uid = server.userId("alice");
        watcher.awaitMsg("changed");
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"result\":true}", c.result("1", "UserPresence:setDefaultStatus", "busy"));
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-logged\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"user-status\",\"args\":[[\"" + uid + "\",\"alice\",3,\"\",\"Alice\",[\"user\"]]]}}", watcher.next());
        c.result("2", "setUserStatus", "online", "lunch");
        assertThat(watcher.next().path("fields").path("args").get(0).get(3).asText()).isEqualTo("lunch");
        c.result("3", "UserPresence:away");
        assertThat(watcher.next().path("fields").path("args").get(0).get(2).asInt()).isEqualTo(2);
        c.result("4", "UserPresence:online");
        assertThat(watcher.next().path("fields").path("args").get(0).get(2).asInt()).isEqualTo(1);
        assertThat(error(client().result("5", "setUserStatus", "away", ""))).isEqualTo("error-invalid-user");
    }

    @Test
    void invalidDefaultStatusIsFalseAndLoggedOutPresenceCallsReturnNothing() {
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"result\":false}",
                as("alice").result("1", "UserPresence:setDefaultStatus", "sleeping"));
        assertFrame("{\"msg\":\"result\",\"id\":\"2\"}", client().result("2", "UserPresence:online"));
    }
}
