package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static io.github.camelrocketchat.testserver.FrameAssert.assertFrames;

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

    private static JsonNode syncFrame(RawDdpClient c) {
        c.send("{\"msg\":\"ping\",\"id\":\"sync-1\"}");
        return c.next();
    }
}
