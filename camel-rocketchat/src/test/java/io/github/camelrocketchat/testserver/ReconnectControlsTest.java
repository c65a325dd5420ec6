package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Controls a reconnecting client meets: expired resume tokens and refused WebSocket upgrades. */
class ReconnectControlsTest extends ServerTestSupport {

    private static final String EXPIRED = "{\"msg\":\"result\",\"id\":\"r\",\"error\":{\"isClientSafe\":true,\"error\":403,"
            + "\"reason\":\"Your session has expired. Please log in again.\",\"message\":\"Your session has expired. "
            + "Please log in again. [403]\",\"errorType\":\"Meteor.Error\"}}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void expiredTokensFailTheNextResumeButPasswordLoginStillWorks() throws Exception {
        RawDdpClient alice = client();
        String loginToken = alice.login("alice", "pw-alice").path("result").path("token").asText();
        String minted = server.createLoginToken("alice");
        String pat = server.createPersonalAccessToken("alice", "ci");
        String bobs = server.createLoginToken("bob");
        server.expireLoginTokens("alice");
        assertFrame(EXPIRED, resume(client(), loginToken));
        assertFrame(EXPIRED, resume(client(), minted));
        assertThat(restStatus(server.userId("alice"), minted)).isEqualTo(401);
        assertThat(resume(client(), pat).path("result").path("type").asText()).isEqualTo("resume");
        assertThat(restStatus(server.userId("alice"), pat)).isEqualTo(200);
        assertThat(resume(client(), bobs).path("result").path("id").asText()).isEqualTo(server.userId("bob"));
        String fresh = client().login("alice", "pw-alice").path("result").path("token").asText();
        assertThat(resume(client(), fresh).path("result").path("id").asText()).isEqualTo(server.userId("alice"));
        assertThat(alice.sync()).allSatisfy(f -> assertThat(f.path("msg").asText()).isNotEqualTo("nosub"));
        assertThat(server.loggedInUserIds().get(0)).isEqualTo(server.userId("alice"));
    }

    @Test
    void ninetyDaysOnTheClockExpireEveryonesTokens() {
        String alices = server.createLoginToken("alice");
        String bobs = server.createLoginToken("bob");
        clock.advance(Duration.ofDays(90).minusMillis(1));
        assertThat(resume(client(), alices).has("result")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertFrame(EXPIRED, resume(client(), alices));
        assertFrame(EXPIRED, resume(client(), bobs));
    }

    @Test
    void refuseNextConnectionsAnswers503ToThatManyUpgrades() {
        server.faults().refuseNextConnections(2);
        assertThat(upgradeStatus()).isEqualTo(503);
        assertThat(upgradeStatus()).isEqualTo(503);
        assertThat(client().sync()).isEmpty();
        assertThat(server.faults().refusedWebSocketUpgrades()).isEqualTo(2);
        assertThat(server.totalConnections()).isEqualTo(1);
    }

    @Test
    void refuseNextWebSocketUpgradesLetsRestThrough() throws Exception {
        String token = server.createLoginToken("alice");
        server.faults().refuseNextWebSocketUpgrades(2);
        assertThat(restStatus(server.userId("alice"), token)).isEqualTo(200);
        assertThat(upgradeStatus()).isEqualTo(503);
        assertThat(restStatus(server.userId("alice"), token)).isEqualTo(200);
        assertThat(upgradeStatus()).isEqualTo(503);
        assertThat(client().sync()).isEmpty();
        server.faults().refuseNextWebSocketUpgrades(5);
        server.faults().acceptConnections();
        assertThat(client().sync()).isEmpty();
        assertThat(server.faults().refusedWebSocketUpgrades()).isEqualTo(2);
    }

    private static JsonNode resume(RawDdpClient c, String token) {
        return c.result("r", "login", obj("{\"resume\":\"" + token + "\"}"));
    }

    /** The HTTP status a WebSocket handshake to the server got (101 becomes a connection, closed at once). */
    private int upgradeStatus() {
        Throwable failure = catchThrowable(() -> RawDdpClient.open(server.webSocketUrl()).close());
        if (failure == null) {
            return 101;
        }
        assertThat(failure.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private int restStatus(String userId, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/chat.syncMessages?roomId=GENERAL"
                + "&lastUpdate=" + Json.iso(clock.millis()))).timeout(Duration.ofSeconds(5))
                .header("X-User-Id", userId).header("X-Auth-Token", token).GET().build();
        return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
