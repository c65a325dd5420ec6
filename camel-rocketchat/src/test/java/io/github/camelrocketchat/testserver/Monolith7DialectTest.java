package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Rocket.Chat 7.1+ (7.10.0): {@code deleteMessage} is gone (removed in 7.0.0), {@code setReaction} and
 * {@code getRoomRoles} are still there (removed in 8.0.0), {@code sendMessage} is strict (since 7.1.0).
 */
class Monolith7DialectTest extends RestApiTest {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.dialect(Dialect.MONOLITH_7);
    }

    @Test
    @Override
    void infoAndAuthentication() throws Exception {
        assertFrame("{\"version\":\"7.10.0\",\"success\":true}", get("/api/info", null, null).body());
    }

    @Test
    @Override
    void methodCallWrapsDdpFramesAndAnswers400OnErrors() throws Exception {
        String token = server.createLoginToken("alice");
        Reply missing = post("/api/v1/method.call/deleteMessage",
                "{\"message\":\"{\\\"msg\\\":\\\"method\\\",\\\"id\\\":\\\"1\\\",\\\"method\\\":\\\"deleteMessage\\\","
                        + "\\\"params\\\":[{\\\"_id\\\":\\\"x\\\"}]}\"}",
                server.userId("alice"), token);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body().path("success").asBoolean()).isTrue();
        assertThat(missing.body().path("message").asText()).contains("Method 'deleteMessage' not found");
    }

    @Test
    void deleteMessageIsNotFound() {
        RawDdpClient c = as("alice");
        String mine = server.as("alice").send("general", "stays");
        List<JsonNode> frames = c.call("1", "deleteMessage", obj("{\"_id\":\"" + mine + "\"}"));
        assertFrame("{\"msg\":\"result\",\"id\":\"1\",\"error\":{\"isClientSafe\":true,\"error\":404,\"reason\":"
                + "\"Method 'deleteMessage' not found\",\"message\":\"Method 'deleteMessage' not found [404]\","
                + "\"errorType\":\"Meteor.Error\"}}", frames.get(0));
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"1\"]}", c.next());
        assertThat(server.messageText(mine)).isEqualTo("stays");
    }

    @Test
    void setReactionAndGetRoomRolesStillExist() {
        RawDdpClient c = as("alice");
        c.sub("m", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String bobs = server.as("bob").send("general", "react to me");
        c.sync();
        List<JsonNode> reacted = c.call("1", "setReaction", ":smile:", bobs);
        assertThat(changed(reacted, "stream-room-messages").get(0).path("fields").path("args").get(0)
                .path("reactions").path(":smile:").path("usernames").get(0).asText()).isEqualTo("alice");
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", reacted.get(reacted.size() - 1));
        server.createChannel("owned", "alice");
        JsonNode roles = c.result("2", "getRoomRoles", server.roomId("owned")).path("result");
        assertThat(roles.get(0).path("u").path("username").asText()).isEqualTo("alice");
        assertThat(roles.get(0).path("roles").get(0).asText()).isEqualTo("owner");
    }

    @Test
    void sendMessageIsStrictAbout71Keys() {
        RawDdpClient c = as("alice");
        for (String key : List.of("alias", "emoji", "avatar", "attachments", "parseUrls")) {
            assertFrame("{\"msg\":\"result\",\"id\":\"" + key + "\",\"error\":{\"isClientSafe\":true,\"error\":400,"
                    + "\"reason\":\"Match failed\",\"message\":\"Match failed [400]\",\"errorType\":\"Meteor.Error\"}}",
                    c.result(key, "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"" + key + "\":\"v\"}")));
        }
        assertThat(c.result("ok", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"plain\",\"tshow\":false}"))
                .path("result").path("msg").asText()).isEqualTo("plain");
    }

    @Test
    void presenceStreamAndRoomAccessRuleAreTheCurrentOnes() {
        RawDdpClient c = as("alice");
        assertThat(c.sub("p", "stream-user-presence", "", obj("{\"added\":[]}")).path("msg").asText()).isEqualTo("ready");
        server.createChannel("public", "bob");
        assertThat(c.sub("n", "stream-notify-room", server.roomId("public") + "/user-activity",
                RawDdpClient.streamOptions()).path("msg").asText()).isEqualTo("ready");
    }
}
