package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Test controls: faults, restart, refusal, recording, counts. */
class TestControlsTest extends ServerTestSupport {

    @Test
    void dropAllConnectionsAbortsSockets() throws Exception {
        RawDdpClient a = client();
        RawDdpClient b = client();
        assertThat(server.connectionCount()).isEqualTo(2);
        server.faults().dropAllConnections();
        await().atMost(Duration.ofSeconds(30)).until(() -> server.connectionCount() == 0);
        assertThat(a.awaitClosed()).isNotNull();
        assertThat(b.awaitClosed()).isNotNull();
        assertThat(server.connectionCount()).isZero();
        assertThat(server.totalConnections()).isEqualTo(2);
    }

    @Test
    void closeAllConnectionsSendsTheCode() throws Exception {
        RawDdpClient a = client();
        server.faults().closeAllConnections(1001, "going away");
        assertThat(a.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(1001);
    }

    @Test
    void silentConnectionNeitherReadsNorWritesButStaysOpen() {
        RawDdpClient a = as("alice");
        a.sub("s", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        server.faults().goSilent();
        a.send("{\"msg\":\"ping\",\"id\":\"lost\"}");
        server.as("bob").send("general", "unseen");
        // the ping must have reached the server (and been dropped) before silence ends
        await().atMost(Duration.ofSeconds(5)).until(() -> server.faults().framesDroppedWhileSilent() == 1);
        server.faults().endSilence();
        assertThat(a.sync()).isEmpty();
        assertThat(a.closed()).isNotDone();
        assertThat(server.frames().of(server.connectionIds().get(0)))
                .noneMatch(f -> f.text().contains("lost") || f.text().contains("unseen"));
    }

    @Test
    void refusedConnectionsFailTheUpgradeUntilAcceptedAgain() {
        server.faults().refuseConnections();
        assertThatThrownBy(() -> RawDdpClient.open(server.webSocketUrl())).isInstanceOf(CompletionException.class);
        server.faults().acceptConnections();
        assertThat(client().sync()).isEmpty();
        server.faults().refuseNextConnections(1);
        assertThatThrownBy(() -> RawDdpClient.open(server.webSocketUrl())).isInstanceOf(CompletionException.class);
        assertThat(client().sync()).isEmpty();
    }

    @Test
    void refuseForAWhile() {
        server.faults().refuseConnections(Duration.ofSeconds(30));
        assertThatThrownBy(() -> RawDdpClient.open(server.webSocketUrl())).isInstanceOf(CompletionException.class);
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> RawDdpClient.open(server.webSocketUrl())).isInstanceOf(CompletionException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client().sync()).isEmpty();
    }

    @Test
    void restartKeepsDataAndPort() throws Exception {
        int port = server.port();
        RawDdpClient a = as("alice");
        String token = server.createLoginToken("alice");
        server.as("alice").send("general", "persisted");
        server.restart();
        assertThat(a.awaitClosed()).isNotNull();
        assertThat(server.port()).isEqualTo(port);
        RawDdpClient b = client();
        assertThat(b.result("1", "login", obj("{\"resume\":\"" + token + "\"}")).has("result")).isTrue();
        assertThat(b.result("2", "loadHistory", "GENERAL", null, 5).path("result").path("messages").get(0).path("msg").asText())
                .isEqualTo("persisted");
    }

    @Test
    void recorderKeepsBothDirectionsPerConnection() {
        RawDdpClient a = client();
        a.send("{\"msg\":\"ping\",\"id\":\"r\"}");
        a.next();
        String id = server.connectionIds().get(0);
        List<RecordedFrame> frames = server.frames().of(id);
        assertThat(frames).extracting(RecordedFrame::direction, RecordedFrame::msg).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RecordedFrame.Direction.IN, "connect"),
                org.assertj.core.groups.Tuple.tuple(RecordedFrame.Direction.OUT, "connected"),
                org.assertj.core.groups.Tuple.tuple(RecordedFrame.Direction.IN, "ping"),
                org.assertj.core.groups.Tuple.tuple(RecordedFrame.Direction.OUT, "pong"));
        assertThat(frames.get(0).time()).isEqualTo(clock.instant());
        assertThat(server.frames().withMsg(RecordedFrame.Direction.OUT, "pong")).hasSize(1);
        server.frames().clear();
        assertThat(server.frames().all()).isEmpty();
    }

    @Test
    void malformedHugeAndBinaryFrames() {
        RawDdpClient a = client();
        server.faults().sendMalformedFrame();
        assertThat(a.next().has("unparsable")).isTrue();
        server.faults().sendHugeFrame(10 * 1024 * 1024);
        JsonNode huge = a.next();
        assertThat(huge.path("fields").path("args").get(0).asText().length()).isGreaterThan(10 * 1024 * 1024 - 200);
        server.faults().sendBinaryFrame();
        assertFrame("{\"binary\":4}", a.next());
    }

    @Test
    void delayedMethodHoldsLaterCallsButNotPings() {
        RawDdpClient a = as("alice");
        // an hour: only releaseDelayedMethods ends it, so the pong cannot lose a race against the delay
        server.faults().delayMethod("getRoomIdByNameOrId", Duration.ofHours(1));
        a.send("{\"msg\":\"method\",\"id\":\"slow\",\"method\":\"getRoomIdByNameOrId\",\"params\":[\"general\"]}");
        a.send("{\"msg\":\"method\",\"id\":\"next\",\"method\":\"subscriptions/get\",\"params\":[]}");
        a.send("{\"msg\":\"ping\",\"id\":\"fast\"}");
        assertFrame("{\"msg\":\"pong\",\"id\":\"fast\"}", a.next());
        server.faults().clearMethodDelays();
        server.faults().releaseDelayedMethods();
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"slow\"]}", a.next());
        assertFrame("{\"msg\":\"result\",\"id\":\"slow\",\"result\":\"GENERAL\"}", a.next());
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"next\"]}", a.next());
        assertThat(a.next().get("id").asText()).isEqualTo("next");
        server.faults().releaseDelayedMethods();
        assertThat(a.sync()).as("a second release answers nothing twice").isEmpty();
    }

    @Test
    void countsAndLoggedInUsers() {
        RawDdpClient a = as("alice");
        a.sub("1", "stream-room-messages", "GENERAL", false);
        a.sub("2", "stream-notify-room", "GENERAL/typing", false);
        a.sub("3", "stream-notify-room", "GENERAL/user-activity", false);
        assertThat(server.subscriptionCount("stream-notify-room")).isEqualTo(2);
        assertThat(server.subscriptionCount("stream-notify-room", "GENERAL/typing")).isEqualTo(1);
        assertThat(server.loggedInUserIds()).containsExactly(server.userId("alice"));
        assertThatThrownBy(() -> server.as("nobody").send("general", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.as("alice").send("nowhere", "x"))
                .hasMessageContaining("error-invalid-room");
    }
}
