package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Streams: read rules, event frames, write methods (reference C). */
class StreamsTest extends ServerTestSupport {

    private static final String NOT_ALLOWED = "{\"isClientSafe\":true,\"error\":\"not-allowed\",\"message\":\"[not-allowed]\","
            + "\"errorType\":\"Meteor.Error\"}";

    @Test
    void readRules() {
        RawDdpClient anon = client();
        assertFrame("{\"msg\":\"nosub\",\"id\":\"a\",\"error\":" + NOT_ALLOWED + "}",
                anon.sub("a", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions()));
        assertThat(anon.sub("b", "stream-room-messages", "__my_messages__", RawDdpClient.streamOptions()).get("msg").asText())
                .isEqualTo("ready");
        assertThat(anon.sub("c", "stream-notify-all", "public-settings-changed", false).get("msg").asText()).isEqualTo("ready");
        assertThat(error(anon.sub("d", "stream-notify-logged", "user-status", false))).isEqualTo("not-allowed");
        assertFrame("{\"msg\":\"nosub\",\"id\":\"e\",\"error\":{\"isClientSafe\":true,\"error\":\"invalid-event-name\","
                + "\"message\":\"[invalid-event-name]\",\"errorType\":\"Meteor.Error\"}}",
                anon.sub("e", "stream-notify-all", "", RawDdpClient.streamOptions()));
        RawDdpClient alice = as("alice");
        String bobId = server.userId("bob");
        assertThat(error(alice.sub("f", "stream-notify-user", bobId + "/message", RawDdpClient.streamOptions())))
                .isEqualTo("not-allowed");
        server.createPrivateGroup("hidden", "bob");
        String rid = server.roomId("hidden");
        assertThat(error(alice.sub("g", "stream-room-messages", rid, RawDdpClient.streamOptions()))).isEqualTo("not-allowed");
        assertThat(error(alice.sub("h", "stream-notify-room", rid + "/user-activity", RawDdpClient.streamOptions())))
                .isEqualTo("not-allowed");
        assertThat(error(alice.sub("i", "stream-notify-room-users", "x/y", false))).isEqualTo("not-allowed");
        assertThat(error(alice.sub("j", "stream-notify-all", "private-settings-changed", false))).isEqualTo("not-allowed");
        assertThat(alice.sub("k", "stream-notify-logged", "user-status", false).get("msg").asText()).isEqualTo("ready");
        assertThat(server.subscriptionCount("stream-notify-logged", "user-status")).isEqualTo(1);
    }

    @Test
    void myMessagesCarriesRoomInfoPerSubscriber() {
        RawDdpClient alice = as("alice");
        alice.sub("m", "stream-room-messages", "__my_messages__", RawDdpClient.streamOptions());
        server.createChannel("open", "bob");
        server.createPrivateGroup("closed", "bob");
        server.as("bob").send("closed", "secret");
        server.as("bob").send("open", "public");
        JsonNode ev = alice.awaitMsg("changed");
        assertThat(ev.path("fields").path("eventName").asText()).isEqualTo("__my_messages__");
        assertThat(ev.path("fields").path("args").get(0).path("msg").asText()).isEqualTo("public");
        assertFrame("{\"roomParticipant\":false,\"roomType\":\"c\",\"roomName\":\"open\"}",
                ev.path("fields").path("args").get(1));
    }

    @Test
    void twoSubsWithTheSameEventNameEachGetTheEvent() {
        RawDdpClient alice = as("alice");
        alice.sub("x1", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        alice.sub("x2", "stream-room-messages", "GENERAL", false);
        server.as("bob").send("general", "twice");
        List<JsonNode> frames = alice.sync();
        assertThat(changed(frames, "stream-room-messages")).hasSize(2);
    }

    @Test
    void typingIsBridgedAndNeverEchoedToTheWriter() {
        RawDdpClient alice = as("alice");
        RawDdpClient bob = as("bob");
        for (RawDdpClient c : List.of(alice, bob)) {
            c.sub("ua", "stream-notify-room", "GENERAL/user-activity", RawDdpClient.streamOptions());
            c.sub("ty", "stream-notify-room", "GENERAL/typing", RawDdpClient.streamOptions());
        }
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", alice.result("1", "stream-notify-room", "GENERAL/user-activity",
                "alice", List.of("user-typing"), obj("{}")));
        assertThat(alice.sync()).isEmpty();
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"GENERAL/user-activity\",\"args\":[\"alice\",[\"user-typing\"],{}]}}", bob.next());
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"GENERAL/typing\",\"args\":[\"alice\",true]}}", bob.next());
        alice.result("2", "stream-notify-room", "GENERAL/typing", "alice", false);
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"GENERAL/typing\",\"args\":[\"alice\",false]}}", bob.next());
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"GENERAL/user-activity\",\"args\":[\"alice\",[],{}]}}", bob.next());
        // wrong username: silently dropped
        assertFrame("{\"msg\":\"result\",\"id\":\"3\"}", alice.result("3", "stream-notify-room", "GENERAL/user-activity",
                "bob", List.of("user-typing")));
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void deletionEventsHardAndBulk() {
        RawDdpClient alice = as("alice");
        alice.sub("d", "stream-notify-room", "GENERAL/deleteMessage", RawDdpClient.streamOptions());
        alice.sub("b", "stream-notify-room", "GENERAL/deleteMessageBulk", RawDdpClient.streamOptions());
        String id = server.as("bob").send("general", "oops");
        server.as("bob").delete(id);
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"GENERAL/deleteMessage\",\"args\":[{\"_id\":\"" + id + "\"}]}}", alice.next());
        server.emitDeleteMessageBulk("general", List.of("a1", "a2"));
        JsonNode bulk = alice.next().path("fields").path("args").get(0);
        assertThat(bulk.path("rid").asText()).isEqualTo("GENERAL");
        assertThat(bulk.path("ids")).hasSize(2);
    }

    @Test
    void showDeletedStatusTurnsDeletesIntoRmUpdates() {
        server.setShowDeletedStatus(true);
        RawDdpClient alice = as("alice");
        alice.sub("s", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String id = server.as("bob").send("general", "to remove");
        alice.next();
        server.as("bob").delete(id);
        JsonNode m = alice.next().path("fields").path("args").get(0);
        assertThat(m.path("t").asText()).isEqualTo("rm");
        assertThat(m.path("msg").asText()).isEmpty();
        assertThat(Json.isDate(m.get("editedAt"))).isTrue();
    }

    @Test
    void reactionsAndEditsArriveAsUpserts() {
        RawDdpClient alice = as("alice");
        alice.sub("s", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String id = server.as("bob").send("general", "react to me");
        alice.next();
        server.as("bob").react(id, ":thumbsup:", true);
        assertThat(alice.next().path("fields").path("args").get(0).path("reactions").toString())
                .isEqualTo("{\":thumbsup:\":{\"usernames\":[\"bob\"]}}");
        server.as("bob").edit(id, "edited");
        JsonNode edited = alice.next().path("fields").path("args").get(0);
        assertThat(edited.path("_id").asText()).isEqualTo(id);
        assertThat(edited.path("msg").asText()).isEqualTo("edited");
    }

    @Test
    void presenceFirstSubReadyLaterNosubAndEventsById() {
        RawDdpClient alice = as("alice");
        String bobId = server.userId("bob");
        assertThat(alice.sub("p1", "stream-user-presence", "", obj("{\"added\":[\"" + bobId + "\"]}")).get("msg").asText())
                .isEqualTo("ready");
        assertFrame("{\"msg\":\"nosub\",\"id\":\"p2\"}", alice.sub("p2", "stream-user-presence", "", obj("{\"added\":[]}")));
        server.as("bob").setConnected(true);
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-user-presence\",\"id\":\"" + bobId + "\",\"fields\":"
                + "{\"uid\":\"" + bobId + "\",\"args\":[[\"bob\",1,\"\"]],\"eventName\":\"" + bobId + "\"}}", alice.next());
        alice.sub("p3", "stream-user-presence", "", obj("{\"removed\":[\"" + bobId + "\"]}"));
        server.as("bob").setStatus("busy", "");
        assertThat(alice.sync()).isEmpty();
        assertThat(error(client().sub("p", "stream-user-presence", "", obj("{}")))).isEqualTo("not-allowed");
    }

    @Test
    void notifyLoggedAndAllEventsAndNameChanges() {
        RawDdpClient alice = as("alice");
        alice.sub("n", "stream-notify-logged", "Users:NameChanged", RawDdpClient.streamOptions());
        alice.sub("r", "stream-notify-logged", "roles-change", RawDdpClient.streamOptions());
        alice.sub("a", "stream-notify-all", "public-settings-changed", RawDdpClient.streamOptions());
        server.as("bob").changeName("Robert");
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-logged\",\"id\":\"id\",\"fields\":{\"eventName\":"
                + "\"Users:NameChanged\",\"args\":[{\"_id\":\"" + server.userId("bob") + "\",\"name\":\"Robert\","
                + "\"username\":\"bob\"}]}}", alice.next());
        server.emitNotifyLogged("roles-change", Json.arrOf(obj("{\"type\":\"added\",\"_id\":\"admin\"}")));
        assertThat(alice.next().path("fields").path("eventName").asText()).isEqualTo("roles-change");
        server.emitNotifyAll("public-settings-changed", Json.arrOf(Json.obj().put("x", "updated"), obj("{\"_id\":\"Site_Name\"}")));
        assertThat(alice.next().path("collection").asText()).isEqualTo("stream-notify-all");
    }

    @Test
    void losingAccessToAPrivateRoomDetachesItsSubsSilently() {
        server.createPrivateGroup("crew", "bob", "alice");
        String rid = server.roomId("crew");
        RawDdpClient alice = as("alice");
        alice.sub("s", "stream-room-messages", rid, RawDdpClient.streamOptions());
        server.as("bob").removeFromRoom("crew", "alice");
        List<JsonNode> frames = alice.sync();
        assertThat(frames).noneMatch(f -> "nosub".equals(Json.text(f, "msg")));
        assertThat(server.subscriptionCount("stream-room-messages", rid)).isZero();
    }

    @Test
    void roomsChangedAndSubscriptionsChangedOnNewMessages() {
        RawDdpClient alice = as("alice");
        String uid = server.userId("alice");
        alice.sub("rc", "stream-notify-user", uid + "/rooms-changed", RawDdpClient.streamOptions());
        alice.sub("sc", "stream-notify-user", uid + "/subscriptions-changed", RawDdpClient.streamOptions());
        server.as("bob").send("general", "news");
        List<JsonNode> frames = alice.sync();
        JsonNode sub = changed(frames, "stream-notify-user").stream()
                .filter(f -> f.path("fields").path("eventName").asText().endsWith("subscriptions-changed")).findFirst().orElseThrow();
        assertThat(sub.path("fields").path("args").get(1).path("unread").asInt()).isEqualTo(1);
        JsonNode room = changed(frames, "stream-notify-user").stream()
                .filter(f -> f.path("fields").path("eventName").asText().endsWith("rooms-changed")).findFirst().orElseThrow();
        assertThat(room.path("fields").path("args").get(0).asText()).isEqualTo("updated");
        assertThat(room.path("fields").path("args").get(1).path("lastMessage").path("msg").asText()).isEqualTo("news");
    }

    @Test
    void notifyUserWritesReachTheTargetButNotTheWriter() {
        RawDdpClient alice = as("alice");
        RawDdpClient bob = as("bob");
        String bobId = server.userId("bob");
        bob.sub("w", "stream-notify-user", bobId + "/webrtc", RawDdpClient.streamOptions());
        alice.sub("w", "stream-notify-user", server.userId("alice") + "/webrtc", RawDdpClient.streamOptions());
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", alice.result("1", "stream-notify-user", bobId + "/webrtc",
                obj("{\"type\":\"call\"}")));
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-user\",\"id\":\"id\",\"fields\":{\"eventName\":\""
                + bobId + "/webrtc\",\"args\":[{\"type\":\"call\"}]}}", bob.next());
        alice.result("2", "stream-notify-user", bobId + "/message", obj("{}"));
        assertThat(bob.sync()).isEmpty();
        assertThat(alice.sync()).isEmpty();
    }

    @Test
    void forceLogoutAndOwnNameChange() {
        RawDdpClient alice = as("alice");
        String uid = server.userId("alice");
        String token = server.createLoginToken("alice");
        alice.sub("f", "stream-notify-user", uid + "/force_logout", RawDdpClient.streamOptions());
        server.as("alice").changeName("Alice B.");
        assertFrame("{\"msg\":\"changed\",\"collection\":\"users\",\"id\":\"" + uid + "\",\"fields\":{\"name\":\"Alice B.\","
                + "\"_updatedAt\":{\"$date\":" + clock.millis() + "}}}", alice.next());
        server.forceLogout("alice");
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-user\",\"id\":\"id\",\"fields\":{\"eventName\":\""
                + uid + "/force_logout\",\"args\":[]}}", alice.next());
        assertThat(reason(client().result("r", "login", obj("{\"resume\":\"" + token + "\"}")))).startsWith("You've been logged out");
    }

    @Test
    void realNameTypingAndAnonymousMyMessages() {
        server.close();
        server = RocketChatTestServer.builder().clock(clock).useRealName(true).build().start();
        server.addUser("alice", "pw-alice", "Alice");
        server.addUser("bob", "pw-bob", "Bob");
        RawDdpClient anon = client();
        anon.sub("m", "stream-room-messages", "__my_messages__", false);
        RawDdpClient bob = as("bob");
        bob.sub("ua", "stream-notify-room", "GENERAL/user-activity", false);
        RawDdpClient alice = as("alice");
        alice.result("1", "stream-notify-room", "GENERAL/user-activity", "alice", List.of("user-typing"));
        alice.result("2", "stream-notify-room", "GENERAL/user-activity", "Alice", List.of("user-typing"));
        List<JsonNode> events = changed(bob.sync(), "stream-notify-room");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("fields").path("args").get(0).asText()).isEqualTo("Alice");
        server.as("bob").send("general", "not for anonymous");
        assertThat(anon.sync()).isEmpty();
    }
}
