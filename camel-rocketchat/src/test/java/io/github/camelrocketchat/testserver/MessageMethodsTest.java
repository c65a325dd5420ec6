package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** sendMessage / updateMessage (reference D) and the events they cause. */
class MessageMethodsTest extends ServerTestSupport {

    @Test
    void unknownKeysFailTheMatchSince71() {
        RawDdpClient c = as("alice");
        for (String key : List.of("alias", "emoji", "avatar", "attachments", "parseUrls")) {
            JsonNode r = c.result(key, "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"" + key + "\":\"v\"}"));
            assertFrame("{\"msg\":\"result\",\"id\":\"" + key + "\",\"error\":{\"isClientSafe\":true,\"error\":400,"
                    + "\"reason\":\"Match failed\",\"message\":\"Match failed [400]\",\"errorType\":\"Meteor.Error\"}}", r);
        }
        assertThat(reason(c.result("b", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"bot\":true}"))))
                .isEqualTo("Match failed");
        assertThat(c.result("ok", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"bot\":{\"i\":\"int\"},"
                + "\"groupable\":false,\"customFields\":{}}")).path("result").path("bot").path("i").asText()).isEqualTo("int");
    }

    @Test
    void notLoggedInIsInvalidUser() {
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"error\":{\"isClientSafe\":true,\"error\":\"error-invalid-user\","
                + "\"reason\":\"Invalid user\",\"details\":{\"method\":\"sendMessage\"},\"message\":\"Invalid user "
                + "[error-invalid-user]\",\"errorType\":\"Meteor.Error\"}}",
                client().result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\"}")));
    }

    @Test
    void oversizedMessageIsSwallowedWithoutStoring() {
        RawDdpClient c = as("alice");
        JsonNode r = c.result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"" + "y".repeat(5001) + "\"}"));
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", r);
        assertThat(server.messageCount("GENERAL")).isZero();
        assertThat(c.result("2", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"" + "y".repeat(5000) + "\"}"))
                .has("result")).isTrue();
    }

    @Test
    void clientTimestampWithin10sIsKeptBeyondIsReplaced() {
        RawDdpClient c = as("alice");
        long ts = clock.millis() - 5_000;
        assertThat(c.result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"a\",\"ts\":{\"$date\":" + ts + "}}"))
                .path("result").path("ts").path("$date").asLong()).isEqualTo(ts);
        long far = clock.millis() - 30_000;
        assertThat(c.result("2", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"b\",\"ts\":{\"$date\":" + far + "}}"))
                .path("result").path("ts").path("$date").asLong()).isEqualTo(clock.millis());
        assertThat(reason(c.result("3", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"b\",\"ts\":\"2024-01-01\"}"))))
                .isEqualTo("Match failed");
    }

    @Test
    void duplicateIdReportsAnEphemeralNoticeAndNoResult() {
        RawDdpClient c = as("alice");
        String uid = server.userId("alice");
        c.sub("e", "stream-notify-user", uid + "/message", RawDdpClient.streamOptions());
        c.sub("m", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        c.result("1", "sendMessage", obj("{\"_id\":\"fixedId12345678ab\",\"rid\":\"GENERAL\",\"msg\":\"a\"}"));
        List<JsonNode> frames = c.call("2", "sendMessage", obj("{\"_id\":\"fixedId12345678ab\",\"rid\":\"GENERAL\",\"msg\":\"b\"}"));
        JsonNode notice = changed(frames, "stream-notify-user").get(0);
        assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-user\",\"id\":\"id\",\"fields\":{\"eventName\":\""
                + uid + "/message\",\"args\":[{\"_id\":\"*\",\"rid\":\"GENERAL\",\"msg\":\"*\",\"u\":{\"_id\":\"rocket.cat\","
                + "\"username\":\"rocket.cat\"},\"private\":true,\"groupable\":false,\"ts\":{\"$date\":\"*\"},"
                + "\"_updatedAt\":{\"$date\":\"*\"}}]}}", notice);
        assertThat(notice.path("fields").path("args").get(0).path("msg").asText()).contains("E11000 duplicate key");
        assertThat(frames).hasSize(3);
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"2\"]}", frames.get(1));
        assertFrame("{\"msg\":\"result\",\"id\":\"2\"}", frames.get(2));
        assertThat(server.messageText("fixedId12345678ab")).isEqualTo("a");
        assertThat(server.messageCount("GENERAL")).isEqualTo(1);
    }

    @Test
    void noAccessIsRethrownAsNotAllowedWithoutReasonAndNotifiedEphemerally() {
        server.createPrivateGroup("secret", "bob");
        String rid = server.roomId("secret");
        RawDdpClient c = as("alice");
        String uid = server.userId("alice");
        c.sub("e", "stream-notify-user", uid + "/message", RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("1", "sendMessage", obj("{\"rid\":\"" + rid + "\",\"msg\":\"x\"}"));
        assertThat(changed(frames, "stream-notify-user").get(0).path("fields").path("args").get(0).path("msg").asText())
                .isEqualTo("Not allowed");
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"error\":{\"isClientSafe\":true,\"error\":\"error-not-allowed\","
                + "\"details\":{\"method\":\"sendMessage\"},\"message\":\"[error-not-allowed]\",\"errorType\":\"Meteor.Error\"}}",
                frames.get(frames.size() - 1));
    }

    @Test
    void unknownRoomIsSwallowedAsInvalidRoomNotice() {
        RawDdpClient c = as("alice");
        c.sub("e", "stream-notify-user", server.userId("alice") + "/message", RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("1", "sendMessage", obj("{\"rid\":\"nope\",\"msg\":\"x\"}"));
        assertThat(changed(frames, "stream-notify-user").get(0).path("fields").path("args").get(0).path("msg").asText())
                .isEqualTo("Invalid room");
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", frames.get(frames.size() - 1));
    }

    @Test
    void systemTypesAreRejectedAsInternalError() {
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"error\":{\"isClientSafe\":true,\"error\":500,\"reason\":"
                + "\"Internal server error\",\"message\":\"Internal server error [500]\",\"errorType\":\"Meteor.Error\"}}",
                as("alice").result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"t\":\"uj\"}")));
    }

    @Test
    void threadReplyFlattensAndReEmitsTheParent() {
        RawDdpClient c = as("alice");
        c.sub("s", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String parent = server.as("bob").send("GENERAL", "root");
        String reply = server.as("bob").replyInThread("GENERAL", parent, "first", false);
        c.sync();
        List<JsonNode> frames = c.call("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"nested\",\"tmid\":\"" + reply
                + "\",\"tshow\":true}"));
        List<JsonNode> events = changed(frames, "stream-room-messages");
        JsonNode msg = events.get(0).path("fields").path("args").get(0);
        assertThat(msg.path("tmid").asText()).isEqualTo(parent);
        assertThat(msg.path("tshow").asBoolean()).isTrue();
        JsonNode root = events.get(1).path("fields").path("args").get(0);
        assertThat(root.path("_id").asText()).isEqualTo(parent);
        assertThat(root.path("tcount").asInt()).isEqualTo(2);
        assertThat(root.path("replies")).extracting(JsonNode::asText)
                .containsExactly(server.userId("bob"), server.userId("alice"));
        assertThat(Json.isDate(root.get("tlm"))).isTrue();
        assertThat(reason(c.result("2", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"tshow\":true}"))))
                .isEmpty();
    }

    @Test
    void updateMessageEditsAndChecksKeysAndPermissions() {
        RawDdpClient c = as("alice");
        c.sub("s", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String mine = server.as("alice").send("GENERAL", "before");
        c.sync();
        List<JsonNode> frames = c.call("1", "updateMessage", obj("{\"_id\":\"" + mine + "\",\"rid\":\"GENERAL\",\"msg\":\"after\"}"));
        JsonNode edited = changed(frames, "stream-room-messages").get(0).path("fields").path("args").get(0);
        assertThat(edited.path("msg").asText()).isEqualTo("after");
        assertThat(edited.path("editedBy").path("username").asText()).isEqualTo("alice");
        assertThat(Json.isDate(edited.get("editedAt"))).isTrue();
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", frames.get(frames.size() - 1));
        assertFrame("{\"msg\":\"result\",\"id\":\"2\",\"error\":{\"isClientSafe\":true,\"error\":\"error-invalid-update-key\","
                + "\"reason\":\"Cannot update the message u\",\"details\":{\"method\":\"updateMessage\"},\"message\":"
                + "\"Cannot update the message u [error-invalid-update-key]\",\"errorType\":\"Meteor.Error\"}}",
                c.result("2", "updateMessage", obj("{\"_id\":\"" + mine + "\",\"rid\":\"GENERAL\",\"msg\":\"z\",\"u\":{}}")));
        String bobs = server.as("bob").send("GENERAL", "bob's");
        c.sync();
        JsonNode denied = c.result("3", "updateMessage", obj("{\"_id\":\"" + bobs + "\",\"rid\":\"GENERAL\",\"msg\":\"z\"}"));
        assertThat(error(denied)).isEqualTo("error-action-not-allowed");
        assertThat(denied.path("error").path("details").path("action").asText()).isEqualTo("Message_editing");
        assertFrame("{\"msg\":\"result\",\"id\":\"4\"}", c.result("4", "updateMessage", obj("{\"_id\":\"missing\",\"msg\":\"z\"}")));
    }

    @Test
    void mentionsNotifyTheMentionedUser() {
        RawDdpClient bob = as("bob");
        String bobId = server.userId("bob");
        bob.sub("n", "stream-notify-user", bobId + "/notification", RawDdpClient.streamOptions());
        server.as("alice").send("general", "hi @bob");
        JsonNode n = bob.awaitMsg("changed").path("fields").path("args").get(0);
        assertThat(n.path("title").asText()).isEqualTo("#general");
        assertThat(n.path("payload").path("sender").path("username").asText()).isEqualTo("alice");
        assertThat(n.path("payload").path("type").asText()).isEqualTo("c");
    }

    @Test
    void readOnlyRoomSwallowsTheSendAndModeratorsMayEditOthers() {
        server.createChannel("announcements", "bob", "alice");
        server.setReadOnly("announcements", true);
        String rid = server.roomId("announcements");
        RawDdpClient c = as("alice");
        c.sub("e", "stream-notify-user", server.userId("alice") + "/message", RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("1", "sendMessage", obj("{\"rid\":\"" + rid + "\",\"msg\":\"x\"}"));
        assertThat(changed(frames, "stream-notify-user").get(0).path("fields").path("args").get(0).path("msg").asText())
                .isEqualTo("You can't send messages because the room is readonly.");
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", frames.get(frames.size() - 1));
        String bobs = server.as("bob").send("announcements", "owner may post");
        server.setRoomRole("announcements", "alice", "moderator");
        c.sync();
        assertFrame("{\"msg\":\"result\",\"id\":\"2\"}", c.result("2", "updateMessage",
                obj("{\"_id\":\"" + bobs + "\",\"rid\":\"" + rid + "\",\"msg\":\"moderated\"}")));
        assertThat(server.messageText(bobs)).isEqualTo("moderated");
    }
}
