package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Rocket.Chat 7.0.0: {@code deleteMessage} already gone, {@code sendMessage} not yet strict (that came in 7.1.0). */
class Monolith70DialectTest extends ServerTestSupport {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.dialect(Dialect.MONOLITH_7_0);
    }

    @Test
    void looseSendMessageButNoDeleteMessage() {
        RawDdpClient c = as("alice");
        JsonNode r = c.result("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"hi\",\"alias\":\"Bot\","
                + "\"emoji\":\":robot:\",\"attachments\":[{\"title\":\"t\"}]}")).path("result");
        assertThat(r.path("alias").asText()).isEqualTo("Bot");
        assertThat(r.path("attachments").get(0).path("title").asText()).isEqualTo("t");
        assertFrame("{\"msg\":\"result\",\"id\":\"2\",\"error\":{\"isClientSafe\":true,\"error\":404,\"reason\":"
                + "\"Method 'deleteMessage' not found\",\"message\":\"Method 'deleteMessage' not found [404]\","
                + "\"errorType\":\"Meteor.Error\"}}", c.result("2", "deleteMessage", obj("{\"_id\":\"x\"}")));
        c.sync();
        assertThat(c.result("3", "setReaction", ":smile:", r.path("_id").asText()).has("error")).isFalse();
        assertThat(c.result("4", "getRoomRoles", "GENERAL").path("result").isArray()).isTrue();
    }

    @Test
    void infoReportsTheVersion() throws Exception {
        HttpResponse<String> info = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/info")).build(), HttpResponse.BodyHandlers.ofString());
        assertFrame("{\"version\":\"7.0.0\",\"success\":true}", Json.parseOrNull(info.body()));
    }
}
