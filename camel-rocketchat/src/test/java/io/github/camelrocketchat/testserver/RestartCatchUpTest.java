package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * A restart keeps the data and the port; a client that was away resumes its login and catches up: the new
 * messages through {@code loadMissedMessages}, and new, edited and hard-deleted ones through REST
 * {@code chat.syncMessages}.
 */
class RestartCatchUpTest extends ServerTestSupport {

    @Test
    void clientsResumeAndCatchUpWithWhatHappenedWhileTheyWereAway() throws Exception {
        int port = server.port();
        server.createPrivateGroup("team", "alice", "bob");
        String toEdit = server.as("bob").send("general", "draft");
        String toDelete = server.as("bob").send("general", "oops");
        RawDdpClient alice = client();
        String token = alice.login("alice", "pw-alice").path("result").path("token").asText();
        long lastSeen = clock.millis();
        clock.advance(Duration.ofSeconds(1));

        server.faults().restart();
        assertThat(alice.awaitClosed()).isNotNull();
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.connectionCount()).isZero();

        String missed = server.as("bob").send("general", "while you were away");
        clock.advance(Duration.ofSeconds(1));
        server.as("bob").edit(toEdit, "final");
        server.as("bob").delete(toDelete);
        clock.advance(Duration.ofSeconds(1));

        RawDdpClient back = client();
        JsonNode resumed = back.result("1", "login", obj("{\"resume\":\"" + token + "\"}")).path("result");
        assertThat(resumed.path("id").asText()).isEqualTo(server.userId("alice"));
        assertThat(resumed.path("type").asText()).isEqualTo("resume");
        assertThat(back.result("2", "rooms/get").path("result")).extracting(r -> r.path("name").asText())
                .contains("general", "team");
        JsonNode loaded = back.result("3", "loadMissedMessages", "GENERAL", Json.date(lastSeen)).path("result");
        assertThat(loaded).extracting(m -> m.path("_id").asText()).containsExactly(missed);

        JsonNode sync = syncMessages(server.userId("alice"), token, Json.iso(lastSeen)).path("result");
        assertThat(sync.path("updated")).extracting(m -> m.path("_id").asText()).containsExactly(toEdit, missed);
        assertThat(sync.path("updated").get(0).path("msg").asText()).isEqualTo("final");
        assertThat(sync.path("updated").get(0).path("editedBy").path("username").asText()).isEqualTo("bob");
        assertThat(sync.path("deleted")).extracting(d -> d.path("_id").asText()).containsExactly(toDelete);
        assertThat(Json.parseIso(sync.path("deleted").get(0).path("_deletedAt").asText())).isGreaterThan(lastSeen);

        assertThat(client().login("bob", "pw-bob").has("result")).isTrue();
        assertThat(server.loggedInUserIds()).containsExactly(server.userId("alice"), server.userId("bob"));
    }

    private JsonNode syncMessages(String userId, String token, String lastUpdate) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/chat.syncMessages?roomId=GENERAL"
                + "&lastUpdate=" + lastUpdate)).timeout(Duration.ofSeconds(5))
                .header("X-User-Id", userId).header("X-Auth-Token", token).GET().build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        return Json.parseOrNull(reply.body());
    }
}
