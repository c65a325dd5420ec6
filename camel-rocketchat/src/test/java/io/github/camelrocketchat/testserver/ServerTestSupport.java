package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh server per test (virtual clock, alice and bob in general) and closes every client. */
abstract class ServerTestSupport {

    protected final TestClock clock = new TestClock();
    protected RocketChatTestServer server;
    private final List<RawDdpClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() {
        RocketChatTestServerBuilder b = RocketChatTestServer.builder().clock(clock);
        configure(b);
        server = b.build().start();
        server.addUser("alice", "pw-alice", "Alice");
        server.addUser("bob", "pw-bob", "Bob");
    }

    /** Adjusts the builder (dialect, limits...). */
    protected void configure(RocketChatTestServerBuilder builder) {
    }

    @AfterEach
    void stopServer() {
        clients.forEach(RawDdpClient::close);
        server.close();
    }

    protected RawDdpClient client() {
        RawDdpClient c = RawDdpClient.connected(server.webSocketUrl());
        clients.add(c);
        return c;
    }

    protected RawDdpClient raw() {
        RawDdpClient c = RawDdpClient.open(server.webSocketUrl());
        clients.add(c);
        return c;
    }

    /** A connected client logged in as this user; login frames consumed. */
    protected RawDdpClient as(String username) {
        RawDdpClient c = client();
        JsonNode r = c.login(username, "pw-" + username);
        if (r.has("error")) {
            throw new AssertionError("login failed: " + r);
        }
        c.sync();
        return c;
    }

    static String error(JsonNode resultOrNosub) {
        return resultOrNosub.path("error").path("error").asText();
    }

    static String reason(JsonNode resultOrNosub) {
        return resultOrNosub.path("error").path("reason").asText();
    }

    static List<JsonNode> changed(List<JsonNode> frames, String collection) {
        return frames.stream().filter(f -> "changed".equals(Json.text(f, "msg"))
                && collection.equals(Json.text(f, "collection"))).toList();
    }

    static JsonNode obj(String json) {
        return Json.parseOrNull(json);
    }
}
