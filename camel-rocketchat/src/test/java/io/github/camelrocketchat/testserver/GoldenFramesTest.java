package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static io.github.camelrocketchat.testserver.FrameAssert.assertFrames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden frames: the server's frames for whole scenarios, field for field (ids and tokens aside). */
class GoldenFramesTest {

    private final TestClock clock = new TestClock();
    private RocketChatTestServer server;

    @BeforeEach
    void start() {
        server = RocketChatTestServer.builder().clock(clock).build().start();
        server.addUser("alice", "pw-alice", "Alice");
        server.addUser("bob", "pw-bob", "Bob");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Reference section H, frame by frame. */
    @Test
    void sectionHSession() {
        try (RawDdpClient c = RawDdpClient.open(server.webSocketUrl())) {
            c.send("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
            assertFrame("{\"msg\":\"connected\",\"session\":\"*\"}", c.next());
            List<JsonNode> login = c.call("1", "login", Json.parseOrNull("{\"user\":{\"username\":\"alice\"},"
                    + "\"password\":{\"digest\":\"" + TestUser.digest("pw-alice") + "\",\"algorithm\":\"sha-256\"}}"));
            assertFrames(List.of(
                    "{\"msg\":\"added\",\"collection\":\"users\",\"id\":\"*\",\"fields\":{\"username\":\"alice\",\"name\":\"Alice\","
                            + "\"statusDefault\":\"online\",\"statusText\":\"\",\"utcOffset\":0,\"active\":true,\"roles\":[\"user\"],"
                            + "\"type\":\"user\",\"services\":{\"totp\":{\"enabled\":false},\"email2fa\":{\"enabled\":false}},"
                            + "\"_updatedAt\":{\"$date\":1731928800000}}}",
                    "{\"msg\":\"updated\",\"methods\":[\"1\"]}",
                    "{\"msg\":\"result\",\"id\":\"1\",\"result\":{\"id\":\"*\",\"token\":\"*\","
                            + "\"tokenExpires\":{\"$date\":1739704800000},\"type\":\"password\"}}"), login);
            String uid = login.get(2).path("result").path("id").asText();
            c.send("{\"msg\":\"sub\",\"id\":\"s1\",\"name\":\"stream-room-messages\",\"params\":[\"GENERAL\",{\"useCollection\":false,\"args\":[]}]}");
            assertFrame("{\"msg\":\"ready\",\"subs\":[\"s1\"]}", c.next());
            c.send("{\"msg\":\"sub\",\"id\":\"s2\",\"name\":\"stream-notify-room\",\"params\":[\"GENERAL/user-activity\",{\"useCollection\":false,\"args\":[]}]}");
            assertFrame("{\"msg\":\"ready\",\"subs\":[\"s2\"]}", c.next());
            c.send("{\"msg\":\"sub\",\"id\":\"s3\",\"name\":\"stream-notify-room\",\"params\":[\"GENERAL/deleteMessage\",{\"useCollection\":false,\"args\":[]}]}");
            assertFrame("{\"msg\":\"ready\",\"subs\":[\"s3\"]}", c.next());
            c.send("{\"msg\":\"method\",\"id\":\"2\",\"method\":\"sendMessage\",\"params\":[{\"_id\":\"mZ8pQ1rT5uV7wX9yA\",\"rid\":\"GENERAL\",\"msg\":\"hello\"}]}");
            String u = "{\"_id\":\"" + uid + "\",\"username\":\"alice\",\"name\":\"Alice\"}";
            assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\",\"fields\":{\"eventName\":\"GENERAL\","
                    + "\"args\":[{\"_id\":\"mZ8pQ1rT5uV7wX9yA\",\"rid\":\"GENERAL\",\"msg\":\"hello\",\"ts\":{\"$date\":1731928800000},"
                    + "\"u\":" + u + ",\"_updatedAt\":{\"$date\":1731928800000},"
                    + "\"md\":[{\"type\":\"PARAGRAPH\",\"value\":[{\"type\":\"PLAIN_TEXT\",\"value\":\"hello\"}]}]}]}}", c.next());
            assertFrame("{\"msg\":\"updated\",\"methods\":[\"2\"]}", c.next());
            assertFrame("{\"msg\":\"result\",\"id\":\"2\",\"result\":{\"_id\":\"mZ8pQ1rT5uV7wX9yA\",\"rid\":\"GENERAL\",\"msg\":\"hello\","
                    + "\"ts\":{\"$date\":1731928800000},\"u\":" + u + ",\"_updatedAt\":{\"$date\":1731928800000}}}", c.next());
            server.heartbeatNow();
            server.heartbeatNow();
            assertFrame("{\"msg\":\"ping\"}", c.next());
            c.send("{\"msg\":\"pong\"}");
            c.send("{\"msg\":\"unsub\",\"id\":\"s1\"}");
            assertFrame("{\"msg\":\"nosub\",\"id\":\"s1\"}", c.next());
            server.as("bob").send("general", "after unsub");
            assertFrame("{\"msg\":\"pong\",\"id\":\"sync-1\"}", syncFrame(c));
        }
    }

    /** Alice's client watching general while bob edits, reacts and deletes. */
    @Test
    void editReactDelete() {
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            c.login("alice", "pw-alice");
            c.sync();
            c.sub("m", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
            c.sub("d", "stream-notify-room", "GENERAL/deleteMessage", RawDdpClient.streamOptions());
            String bob = "{\"_id\":\"" + server.userId("bob") + "\",\"username\":\"bob\",\"name\":\"Bob\"}";
            String id = server.as("bob").send("general", "bobMessage0000001", "typo");
            c.next();
            clock.advance(java.time.Duration.ofSeconds(5));
            server.as("bob").edit(id, "fixed");
            assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\",\"fields\":{"
                    + "\"eventName\":\"GENERAL\",\"args\":[{\"_id\":\"bobMessage0000001\",\"rid\":\"GENERAL\",\"msg\":\"fixed\","
                    + "\"ts\":{\"$date\":1731928800000},\"u\":" + bob + ",\"_updatedAt\":{\"$date\":1731928805000},"
                    + "\"editedAt\":{\"$date\":1731928805000},\"editedBy\":{\"_id\":\"" + server.userId("bob")
                    + "\",\"username\":\"bob\"},\"md\":[{\"type\":\"PARAGRAPH\",\"value\":[{\"type\":\"PLAIN_TEXT\","
                    + "\"value\":\"fixed\"}]}]}]}}", c.next());
            server.as("bob").react(id, ":tada:", true);
            assertThat(c.next().path("fields").path("args").get(0).path("reactions").toString())
                    .isEqualTo("{\":tada:\":{\"usernames\":[\"bob\"]}}");
            server.as("bob").delete(id);
            assertFrame("{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{"
                    + "\"eventName\":\"GENERAL/deleteMessage\",\"args\":[{\"_id\":\"bobMessage0000001\"}]}}", c.next());
        }
    }

    /** Typing from another user, current and legacy event names. */
    @Test
    void typing() {
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            c.login("alice", "pw-alice");
            c.sync();
            c.sub("a", "stream-notify-room", "GENERAL/user-activity", RawDdpClient.streamOptions());
            c.sub("t", "stream-notify-room", "GENERAL/typing", RawDdpClient.streamOptions());
            server.as("bob").typing("general", true);
            assertFrames(List.of(
                    "{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                            + "\"GENERAL/user-activity\",\"args\":[\"bob\",[\"user-typing\"]]}}",
                    "{\"msg\":\"changed\",\"collection\":\"stream-notify-room\",\"id\":\"id\",\"fields\":{\"eventName\":"
                            + "\"GENERAL/typing\",\"args\":[\"bob\",true]}}"), c.sync());
        }
    }

    /** Presence of a watched user, and the notify-logged user-status of the same change. */
    @Test
    void presence() {
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            c.login("alice", "pw-alice");
            c.sync();
            String bob = server.userId("bob");
            c.sub("p", "stream-user-presence", "", Json.parseOrNull("{\"added\":[\"" + bob + "\"]}"));
            c.sub("s", "stream-notify-logged", "user-status", RawDdpClient.streamOptions());
            server.as("bob").setConnected(true);
            server.as("bob").setStatus("away", "at lunch");
            assertFrames(List.of(
                    "{\"msg\":\"changed\",\"collection\":\"stream-notify-logged\",\"id\":\"id\",\"fields\":{\"eventName\":"
                            + "\"user-status\",\"args\":[[\"" + bob + "\",\"bob\",1,\"\",\"Bob\",[\"user\"]]]}}",
                    "{\"msg\":\"changed\",\"collection\":\"stream-user-presence\",\"id\":\"" + bob + "\",\"fields\":{\"uid\":\""
                            + bob + "\",\"args\":[[\"bob\",1,\"\"]],\"eventName\":\"" + bob + "\"}}",
                    "{\"msg\":\"changed\",\"collection\":\"stream-notify-logged\",\"id\":\"id\",\"fields\":{\"eventName\":"
                            + "\"user-status\",\"args\":[[\"" + bob + "\",\"bob\",2,\"at lunch\",\"Bob\",[\"user\"]]]}}",
                    "{\"msg\":\"changed\",\"collection\":\"stream-user-presence\",\"id\":\"" + bob + "\",\"fields\":{\"uid\":\""
                            + bob + "\",\"args\":[[\"bob\",2,\"at lunch\"]],\"eventName\":\"" + bob + "\"}}"), c.sync());
        }
    }

    /** Login failure and the TOTP round trip. */
    @Test
    void loginFailureAndTotp() {
        TestUser carol = server.addUserWithTotp("carol", "pw-carol");
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            assertFrames(List.of("{\"msg\":\"updated\",\"methods\":[\"1\"]}",
                    "{\"msg\":\"result\",\"id\":\"1\",\"error\":{\"isClientSafe\":true,\"error\":403,\"reason\":"
                            + "\"Something went wrong. Please check your credentials.\",\"message\":\"Something went wrong. "
                            + "Please check your credentials. [403]\",\"errorType\":\"Meteor.Error\"}}"),
                    c.call("1", "login", Json.parseOrNull("{\"user\":{\"username\":\"alice\"},\"password\":\"nope\"}")));
            String inner = "{\"user\":{\"username\":\"carol\"},\"password\":{\"digest\":\"" + TestUser.digest("pw-carol")
                    + "\",\"algorithm\":\"sha-256\"}}";
            assertFrames(List.of("{\"msg\":\"updated\",\"methods\":[\"2\"]}",
                    "{\"msg\":\"result\",\"id\":\"2\",\"error\":{\"isClientSafe\":true,\"error\":\"totp-required\","
                            + "\"reason\":\"TOTP Required\",\"details\":{\"method\":\"totp\",\"availableMethods\":[\"totp\"]},"
                            + "\"message\":\"TOTP Required [totp-required]\",\"errorType\":\"Meteor.Error\"}}"),
                    c.call("2", "login", Json.parseOrNull(inner)));
            List<JsonNode> ok = c.call("3", "login", Json.parseOrNull("{\"totp\":{\"login\":" + inner + ",\"code\":\""
                    + carol.currentTotpCode() + "\"}}"));
            assertThat(ok).extracting(f -> f.get("msg").asText()).containsExactly("added", "updated", "result");
            assertFrame("{\"msg\":\"result\",\"id\":\"3\",\"result\":{\"id\":\"" + carol.id() + "\",\"token\":\"*\","
                    + "\"tokenExpires\":{\"$date\":1739704800000},\"type\":\"password\"}}", ok.get(2));
        }
    }

    private static JsonNode syncFrame(RawDdpClient c) {
        c.send("{\"msg\":\"ping\",\"id\":\"sync-1\"}");
        return c.next();
    }
}
