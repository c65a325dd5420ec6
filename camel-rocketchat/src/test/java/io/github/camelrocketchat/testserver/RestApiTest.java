package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** REST on the same port (reference D "REST fallback"); dates are ISO strings. */
class RestApiTest extends ServerTestSupport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode body) {
    }

    Reply get(String path, String userId, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5)).GET();
        return send(b, userId, token);
    }

    Reply post(String path, String body, String userId, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b, userId, token);
    }

    private Reply send(HttpRequest.Builder b, String userId, String token) throws Exception {
        if (userId != null) {
            b.header("X-User-Id", userId).header("X-Auth-Token", token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), Json.parseOrNull(r.body()));
    }

    @Test
    void infoAndAuthentication() throws Exception {
        Reply info = get("/api/info", null, null);
        assertThat(info.status()).isEqualTo(200);
        assertFrame("{\"version\":\"8.0.0\",\"success\":true}", info.body());
        Reply denied = post("/api/v1/chat.postMessage", "{}", null, null);
        assertThat(denied.status()).isEqualTo(401);
        assertFrame("{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}", denied.body());
        assertThat(post("/api/v1/chat.postMessage", "{}", server.userId("alice"), "wrong").status()).isEqualTo(401);
    }

    @Test
    void loginThenPostMessageWithAliasEmojiAvatarAttachments() throws Exception {
        Reply login = post("/api/v1/login", "{\"user\":\"alice\",\"password\":\"pw-alice\"}", null, null);
        assertThat(login.status()).isEqualTo(200);
        String uid = login.body().path("data").path("userId").asText();
        String token = login.body().path("data").path("authToken").asText();
        assertThat(login.body().path("data").path("me").path("username").asText()).isEqualTo("alice");
        RawDdpClient watcher = as("bob");
        watcher.sub("s", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        Reply posted = post("/api/v1/chat.postMessage", "{\"channel\":\"#general\",\"text\":\"from rest\",\"alias\":\"CI\","
                + "\"emoji\":\":robot:\",\"avatar\":\"http://x/a.png\",\"attachments\":[{\"title\":\"build\",\"color\":\"green\"}]}",
                uid, token);
        assertThat(posted.status()).isEqualTo(200);
        JsonNode body = posted.body();
        assertThat(body.path("channel").asText()).isEqualTo("#general");
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("ts").isNumber()).isTrue();
        JsonNode m = body.path("message");
        assertThat(m.path("ts").asText()).isEqualTo(Json.iso(clock.millis()));
        assertThat(m.path("alias").asText()).isEqualTo("CI");
        assertThat(m.path("attachments").get(0).path("title").asText()).isEqualTo("build");
        JsonNode ev = watcher.awaitMsg("changed").path("fields").path("args").get(0);
        assertThat(ev.path("emoji").asText()).isEqualTo(":robot:");
        assertThat(Json.isDate(ev.get("ts"))).isTrue();
        Reply bad = post("/api/v1/chat.postMessage", "{\"channel\":\"#nope\",\"text\":\"x\"}", uid, token);
        assertThat(bad.status()).isEqualTo(400);
        assertFrame("{\"success\":false,\"error\":\"[invalid-channel]\",\"errorType\":\"invalid-channel\"}", bad.body());
        Reply wrong = post("/api/v1/login", "{\"user\":\"alice\",\"password\":\"no\"}", null, null);
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void deleteReactRolesAndSync() throws Exception {
        String token = server.createLoginToken("alice");
        String uid = server.userId("alice");
        long start = clock.millis();
        clock.advance(Duration.ofSeconds(1));
        String keep = server.as("alice").send("general", "keep");
        String gone = server.as("alice").send("general", "gone");
        Reply react = post("/api/v1/chat.react", "{\"messageId\":\"" + keep + "\",\"emoji\":\"smile\"}", uid, token);
        assertFrame("{\"success\":true}", react.body());
        Reply deleted = post("/api/v1/chat.delete", "{\"roomId\":\"GENERAL\",\"msgId\":\"" + gone + "\"}", uid, token);
        assertThat(deleted.body().path("_id").asText()).isEqualTo(gone);
        assertThat(deleted.body().path("ts").isTextual()).isTrue();
        Reply mismatch = post("/api/v1/chat.delete", "{\"roomId\":\"other\",\"msgId\":\"" + keep + "\"}", uid, token);
        assertFrame("{\"success\":false,\"error\":\"The room id provided does not match where the message is from.\"}",
                mismatch.body());
        Reply missing = post("/api/v1/chat.react", "{\"messageId\":\"nope\",\"emoji\":\"x\"}", uid, token);
        assertThat(missing.body().path("errorType").asText()).isEqualTo("error-message-not-found");
        Reply sync = get("/api/v1/chat.syncMessages?roomId=GENERAL&lastUpdate=" + Json.iso(start), uid, token);
        JsonNode result = sync.body().path("result");
        assertThat(result.path("updated")).extracting(n -> n.path("msg").asText()).containsExactly("keep");
        assertThat(result.path("updated").get(0).path("reactions").has(":smile:")).isTrue();
        assertThat(result.path("deleted").get(0).path("_id").asText()).isEqualTo(gone);
        assertThat(get("/api/v1/chat.syncMessages?roomId=GENERAL&lastUpdate=yesterday", uid, token).body()
                .path("errorType").asText()).isEqualTo("error-lastUpdate-param-invalid");
        server.createChannel("mine", "alice");
        Reply roles = get("/api/v1/rooms.roles?rid=" + server.roomId("mine"), uid, token);
        assertThat(roles.body().path("roles").get(0).path("roles").get(0).asText()).isEqualTo("owner");
        assertThat(roles.body().path("success").asBoolean()).isTrue();
    }

    @Test
    void getMessageAnswersTheMessageOrABareFailure() throws Exception {
        String token = server.createLoginToken("alice");
        String uid = server.userId("alice");
        String id = server.as("bob").send("general", "look me up");
        Reply found = get("/api/v1/chat.getMessage?msgId=" + id, uid, token);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("success").asBoolean()).isTrue();
        JsonNode m = found.body().path("message");
        assertThat(m.path("_id").asText()).isEqualTo(id);
        assertThat(m.path("msg").asText()).isEqualTo("look me up");
        assertThat(m.path("ts").asText()).isEqualTo(Json.iso(clock.millis()));
        assertThat(m.path("u").path("username").asText()).isEqualTo("bob");
        Reply missing = get("/api/v1/chat.getMessage?msgId=nope", uid, token);
        assertThat(missing.status()).isEqualTo(400);
        assertFrame("{\"success\":false}", missing.body());
        server.as("bob").delete(id);
        assertFrame("{\"success\":false}", get("/api/v1/chat.getMessage?msgId=" + id, uid, token).body());
        assertFrame("{\"success\":false,\"error\":\"must have required property 'msgId' [invalid-params]\","
                + "\"errorType\":\"invalid-params\"}", get("/api/v1/chat.getMessage", uid, token).body());
        server.createPrivateGroup("secret", "bob");
        String hidden = server.as("bob").send("secret", "not for alice");
        Reply denied = get("/api/v1/chat.getMessage?msgId=" + hidden, uid, token);
        assertThat(denied.status()).isEqualTo(400);
        assertFrame("{\"success\":false,\"error\":\"Not allowed [error-not-allowed]\",\"errorType\":\"error-not-allowed\","
                + "\"details\":{\"method\":\"getSingleMessage\"}}", denied.body());
        assertThat(get("/api/v1/chat.getMessage?msgId=" + hidden, null, null).status()).isEqualTo(401);
    }

    @Test
    void methodCallWrapsDdpFramesAndAnswers400OnErrors() throws Exception {
        String token = server.createPersonalAccessToken("alice", "rest");
        String uid = server.userId("alice");
        Reply ok = post("/api/v1/method.call/getRoomIdByNameOrId",
                "{\"message\":\"{\\\"msg\\\":\\\"method\\\",\\\"id\\\":\\\"7\\\",\\\"method\\\":\\\"getRoomIdByNameOrId\\\","
                        + "\\\"params\\\":[\\\"general\\\"]}\"}", uid, token);
        assertThat(ok.status()).isEqualTo(200);
        assertFrame("{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"7\\\",\\\"result\\\":\\\"GENERAL\\\"}\",\"success\":true}",
                ok.body());
        Reply missing = post("/api/v1/method.call/getUserRoles",
                "{\"message\":\"{\\\"msg\\\":\\\"method\\\",\\\"id\\\":\\\"\\\",\\\"method\\\":\\\"getUserRoles\\\",\\\"params\\\":[]}\"}",
                uid, token);
        assertThat(missing.status()).isEqualTo(400);
        assertFrame("{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"\\\",\\\"error\\\":{\\\"isClientSafe\\\":true,"
                + "\\\"error\\\":404,\\\"reason\\\":\\\"Method 'getUserRoles' not found\\\",\\\"message\\\":"
                + "\\\"Method 'getUserRoles' not found [404]\\\",\\\"errorType\\\":\\\"Meteor.Error\\\"}}\",\"success\":false}",
                missing.body());
        assertThat(post("/api/v1/method.call/x", "{\"message\":\"not json\"}", uid, token).body().path("error").asText())
                .isEqualTo("Invalid method call");
    }
}
