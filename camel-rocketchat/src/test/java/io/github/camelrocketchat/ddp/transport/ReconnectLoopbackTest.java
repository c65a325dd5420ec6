package io.github.camelrocketchat.ddp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.ReconnectPolicy;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Tyrus transport and threads: the server drops the socket, the client reconnects, logs in, resubscribes. */
class ReconnectLoopbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN_RESULT = "{\"id\":\"u1\",\"token\":\"t\",\"tokenExpires\":{\"$date\":1739700000000},"
            + "\"type\":\"resume\"}";

    private LoopbackServer server;
    private final EventRecorder events = new EventRecorder();
    private final AtomicInteger sessions = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        server.onText(this::answer);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        events.assertExhausted(Duration.ofMillis(100));
    }

    /** connect -> connected (session loopN), login -> result, sub -> ready. */
    private void answer(Session s, String text) {
        try {
            JsonNode f = JSON.readTree(text);
            switch (f.path("msg").asText()) {
                case "connect" -> s.getBasicRemote().sendText("{\"msg\":\"connected\",\"session\":\"loop"
                        + sessions.incrementAndGet() + "\"}");
                case "method" -> s.getBasicRemote().sendText("{\"msg\":\"result\",\"id\":\"" + f.get("id").asText()
                        + "\",\"result\":" + LOGIN_RESULT + "}");
                case "sub" -> s.getBasicRemote().sendText("{\"msg\":\"ready\",\"subs\":[\"" + f.get("id").asText()
                        + "\"]}");
                default -> { }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String nextReceived() throws InterruptedException {
        String frame = server.received().poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame at the server").isNotNull();
        return frame;
    }

    @Test
    void aDroppedSocketIsReopenedLoggedInAndResubscribed() throws Exception {
        CompletableFuture<String> handshakeThread = new CompletableFuture<>();
        DdpClient client = new DdpClient(DdpClientOptions.builder(server.httpUrl()).name("loop-r")
                .connectTimeout(Duration.ofSeconds(5))
                .reconnect(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 0))
                .handshake(calls -> {
                    handshakeThread.complete(Thread.currentThread().getName());
                    return calls.login(LoginRequest.resume("tok"), null);
                })
                .build());
        client.addConnectionListener(events);
        try {
            assertThat(client.connect().get(10, TimeUnit.SECONDS)).isEqualTo("loop1");
            assertThat(events.next(EventRecorder.Connected.class).session()).isEqualTo("loop1");
            assertThat(handshakeThread.get(5, TimeUnit.SECONDS)).isEqualTo("loop-r-callbacks");
            DdpSubscription sub = client.subscribe("stream-room-messages", List.of("GENERAL", false), events);
            sub.ready().get(10, TimeUnit.SECONDS);
            assertThat(events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(sub.id());
            assertThat(JSON.readTree(nextReceived()).get("msg").asText()).isEqualTo("connect");
            assertThat(JSON.readTree(nextReceived()).get("method").asText()).isEqualTo("login");
            assertThat(JSON.readTree(nextReceived()).get("id").asText()).isEqualTo(sub.id());

            server.session().close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "restart"));

            assertThat(events.next(EventRecorder.Interrupted.class).subscriptionId()).isEqualTo(sub.id());
            DdpDisconnect d = events.next(EventRecorder.Disconnected.class).disconnect();
            assertThat(d.requested()).isFalse();
            assertThat(d.willReconnect()).isTrue();
            assertThat(d.closeCode()).isEqualTo(1001);
            EventRecorder.Reconnecting r = events.next(EventRecorder.Reconnecting.class);
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.delay()).isBetween(Duration.ZERO, Duration.ofMillis(50));
            assertThat(events.next(EventRecorder.Connected.class).session()).isEqualTo("loop2");
            assertThat(events.next(EventRecorder.Ready.class).subscriptionId()).isEqualTo(sub.id());
            assertThat(client.connect().get(5, TimeUnit.SECONDS)).isEqualTo("loop2");
            // the new socket: connect, login, then the same sub again, in that order
            assertThat(JSON.readTree(nextReceived()).get("msg").asText()).isEqualTo("connect");
            assertThat(JSON.readTree(nextReceived()).get("method").asText()).isEqualTo("login");
            JsonNode resub = JSON.readTree(nextReceived());
            assertThat(resub.get("msg").asText()).isEqualTo("sub");
            assertThat(resub.get("id").asText()).isEqualTo(sub.id());
            assertThat(server.received().poll(100, TimeUnit.MILLISECONDS)).isNull();
            assertThat(sub.isReady()).isTrue();
            assertThat(client.reconnectAttempts()).isEqualTo(1);
            assertThat(client.status().state()).isEqualTo(DdpClient.State.READY);
        } finally {
            client.close();
        }
        assertThat(events.next(EventRecorder.Stopped.class).error()).isNotNull();
        assertThat(events.next(EventRecorder.Disconnected.class).disconnect().requested()).isTrue();
    }
}
