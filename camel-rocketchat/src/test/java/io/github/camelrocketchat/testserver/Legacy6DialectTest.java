package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The 6.x dialect: removed methods still exist, loose sendMessage, no stream-user-presence. */
class Legacy6DialectTest extends ServerTestSupport {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.dialect(Dialect.LEGACY_6);
    }

    @Test
    void looseSendMessageKeepsAliasAndAttachments() {
        RawDdpClient c = as("alice");
        JsonNode r = c.result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"hi\",\"alias\":\"Bot\",\"emoji\":\":robot:\","
                + "\"attachments\":[{\"title\":\"t\"}]}")).path("result");
        assertThat(r.path("alias").asText()).isEqualTo("Bot");
        assertThat(r.path("emoji").asText()).isEqualTo(":robot:");
        assertThat(r.path("attachments").get(0).path("title").asText()).isEqualTo("t");
    }

    @Test
    void deleteMessageSetReactionAndGetRoomRolesExist() {
        RawDdpClient c = as("alice");
        c.sub("d", "stream-notify-room", "GENERAL/deleteMessage", RawDdpClient.streamOptions());
        c.sub("m", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String mine = c.result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"x\"}")).path("result").path("_id").asText();
        c.sync();
        List<JsonNode> reacted = c.call("2", "setReaction", ":smile:", mine);
        assertThat(changed(reacted, "stream-room-messages").get(0).path("fields").path("args").get(0).path("reactions")
                .has(":smile:")).isTrue();
        List<JsonNode> deleted = c.call("3", "deleteMessage", obj("{\"_id\":\"" + mine + "\"}"));
        assertThat(changed(deleted, "stream-notify-room").get(0).path("fields").path("args").get(0).path("_id").asText())
                .isEqualTo(mine);
        String bobs = server.as("bob").send("general", "not yours");
        c.sync();
        assertThat(error(c.result("4", "deleteMessage", obj("{\"_id\":\"" + bobs + "\"}")))).isEqualTo("error-action-not-allowed");
        server.createChannel("owned", "alice");
        JsonNode roles = c.result("5", "getRoomRoles", server.roomId("owned")).path("result");
        assertThat(roles.get(0).path("roles").get(0).asText()).isEqualTo("owner");
        assertThat(roles.get(0).path("u").path("username").asText()).isEqualTo("alice");
    }

    @Test
    void noUserPresenceStreamAndNotifyRoomNeedsMembership() {
        RawDdpClient c = as("alice");
        assertThat(c.sub("p", "stream-user-presence", "", obj("{}")).path("error").path("error").asInt()).isEqualTo(404);
        server.createChannel("public", "bob");
        String rid = server.roomId("public");
        assertThat(error(c.sub("n", "stream-notify-room", rid + "/typing", false))).isEqualTo("not-allowed");
        assertThat(c.sub("r", "stream-room-messages", rid, false).get("msg").asText()).isEqualTo("ready");
    }
}
