package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Room methods, their errors and the system messages and notify-user events they cause. */
class RoomMethodsTest extends ServerTestSupport {

    @Test
    void createChannelReturnsTheRoomAndNotifiesMembers() {
        RawDdpClient bob = as("bob");
        String bobId = server.userId("bob");
        bob.sub("sc", "stream-notify-user", bobId + "/subscriptions-changed", RawDdpClient.streamOptions());
        RawDdpClient c = as("alice");
        JsonNode r = c.result("1", "createChannel", "news", List.of("bob"), false);
        assertThat(r.path("result").path("rid").asText()).isEqualTo(r.path("result").path("_id").asText());
        assertThat(r.path("result").path("name").asText()).isEqualTo("news");
        assertThat(r.path("result").path("t").asText()).isEqualTo("c");
        JsonNode ev = bob.awaitMsg("changed").path("fields").path("args");
        assertThat(ev.get(0).asText()).isEqualTo("inserted");
        assertThat(ev.get(1).path("name").asText()).isEqualTo("news");
        assertThat(error(c.result("2", "createChannel", "news", List.of()))).isEqualTo("error-duplicate-channel-name");
        assertThat(error(c.result("3", "createChannel", "bad name!", List.of()))).isEqualTo("error-invalid-room-name");
        assertThat(error(c.result("4", "createPrivateGroup", "hidden", List.of("bob")))).isEmpty();
        server.setPermission("create-c", "admin");
        assertFrame("{\"msg\":\"result\",\"id\":\"5\",\"error\":{\"isClientSafe\":true,\"error\":\"error-not-allowed\","
                + "\"reason\":\"Not allowed\",\"details\":{\"method\":\"createChannel\"},\"message\":\"Not allowed "
                + "[error-not-allowed]\",\"errorType\":\"Meteor.Error\"}}", c.result("5", "createChannel", "other", List.of()));
        assertThat(reason(c.result("6", "createChannel", 5, List.of()))).isEqualTo("Match failed");
    }

    @Test
    void createDirectMessageIsIdempotentAndUsesSortedIds() {
        RawDdpClient c = as("alice");
        JsonNode r = c.result("1", "createDirectMessage", "bob");
        String a = server.userId("alice");
        String b = server.userId("bob");
        String expected = a.compareTo(b) < 0 ? a + b : b + a;
        assertThat(r.path("result").path("t").asText()).isEqualTo("d");
        assertThat(r.path("result").path("rid").asText()).isEqualTo(expected);
        assertThat(r.path("result").path("usernames")).extracting(JsonNode::asText).containsExactly("alice", "bob");
        assertThat(c.result("2", "createDirectMessage", "bob").path("result").path("rid").asText()).isEqualTo(expected);
        assertThat(error(c.result("3", "createDirectMessage", "ghost"))).isEqualTo("error-invalid-user");
    }

    @Test
    void joinAndLeaveWriteSystemMessages() {
        server.createChannel("dev", "bob");
        String rid = server.roomId("dev");
        RawDdpClient c = as("alice");
        c.sub("s", "stream-room-messages", rid, RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("1", "joinRoom", rid);
        JsonNode uj = changed(frames, "stream-room-messages").get(0).path("fields").path("args").get(0);
        assertFrame("{\"_id\":\"*\",\"t\":\"uj\",\"rid\":\"" + rid + "\",\"msg\":\"alice\",\"ts\":{\"$date\":\"*\"},"
                + "\"u\":{\"_id\":\"*\",\"username\":\"alice\",\"name\":\"Alice\"},\"groupable\":false,"
                + "\"_updatedAt\":{\"$date\":\"*\"}}", uj);
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", frames.get(frames.size() - 1));
        List<JsonNode> leave = c.call("2", "leaveRoom", rid);
        assertThat(changed(leave, "stream-room-messages").get(0).path("fields").path("args").get(0).path("t").asText())
                .isEqualTo("ul");
        assertThat(error(c.result("3", "leaveRoom", rid))).isEqualTo("error-user-not-in-room");
        assertThat(error(c.result("4", "joinRoom", "nope"))).isEqualTo("error-invalid-room");
        assertThat(error(c.result("5", "leaveRoom", "nope"))).isEqualTo("error-invalid-room");
    }

    @Test
    void lastOwnerCannotLeaveAndPrivateRoomsCannotBeJoined() {
        server.createPrivateGroup("crew", "alice", "bob");
        String rid = server.roomId("crew");
        assertThat(error(as("alice").result("1", "leaveRoom", rid))).isEqualTo("error-you-are-last-owner");
        server.createPrivateGroup("solo", "bob");
        assertThat(error(as("alice").result("2", "joinRoom", server.roomId("solo")))).isEqualTo("error-not-allowed");
    }

    @Test
    void joinCodeIsChecked() {
        server.createChannel("locked", "bob");
        server.setJoinCode("locked", "1234");
        RawDdpClient c = as("alice");
        String rid = server.roomId("locked");
        assertThat(error(c.result("1", "joinRoom", rid, "0000"))).isEqualTo("error-code-invalid");
        assertThat(c.result("2", "joinRoom", rid, "1234").has("error")).isFalse();
    }

    @Test
    void lookups() {
        RawDdpClient c = as("alice");
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"result\":\"GENERAL\"}", c.result("1", "getRoomIdByNameOrId", "general"));
        assertThat(error(c.result("2", "getRoomIdByNameOrId", "nothing"))).isEqualTo("error-not-allowed");
        JsonNode room = c.result("3", "getRoomByTypeAndName", "c", "general").path("result");
        assertThat(room.path("_id").asText()).isEqualTo("GENERAL");
        assertFrame("{\"msg\":\"result\",\"id\":\"4\",\"error\":{\"isClientSafe\":true,\"error\":\"error-invalid-room\","
                + "\"reason\":\"Invalid room\",\"details\":{\"method\":\"getRoomByTypeAndName\"},\"message\":"
                + "\"Invalid room [error-invalid-room]\",\"errorType\":\"Meteor.Error\"}}",
                c.result("4", "getRoomByTypeAndName", "c", "nope"));
        server.createPrivateGroup("priv", "bob");
        assertThat(error(c.result("5", "getRoomByTypeAndName", "p", "priv"))).isEqualTo("error-no-permission");
        assertThat(error(client().result("6", "getRoomByTypeAndName", "c", "general"))).isEqualTo("error-invalid-user");
    }

    @Test
    void getUsersOfRoomFiltersOnlineUnlessShowAll() {
        RawDdpClient c = as("alice");
        JsonNode online = c.result("1", "getUsersOfRoom", "GENERAL", false, obj("{\"limit\":10,\"skip\":0}")).path("result");
        assertThat(online.path("records")).extracting(n -> n.path("username").asText()).containsExactly("alice");
        JsonNode all = c.result("2", "getUsersOfRoom", "GENERAL", true, obj("{\"limit\":2,\"skip\":0}")).path("result");
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("records")).hasSize(2);
        assertThat(error(c.result("3", "getUsersOfRoom", "nope", true))).isEqualTo("error-invalid-room");
    }

    @Test
    void privateGroupResultAndAnonymousLookup() {
        JsonNode r = as("alice").result("1", "createPrivateGroup", "inner", List.of("bob")).path("result");
        assertThat(r.path("t").asText()).isEqualTo("p");
        assertThat(r.path("usersCount").asInt()).isEqualTo(2);
        assertThat(error(client().result("2", "getRoomIdByNameOrId", "general"))).isEqualTo("error-not-allowed");
        assertThat(error(client().result("3", "createChannel", "x", List.of()))).isEqualTo("error-invalid-user");
    }
}
