package io.github.camelrocketchat.ddp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole client (default threads, shared Tyrus factory) against a loopback server that speaks a little DDP. */
class DdpClientLoopbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private LoopbackServer server;
    private final EventRecorder events = new EventRecorder();
    /** The server holds the result of method 'gated' until this opens. */
    private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        server.onText(DdpClientLoopbackTest::answer);
    }

    /** Clients reporting to {@link #events}; test thread only. */
    private final List<DdpClient> recorded = new java.util.ArrayList<>();

    /**
     * No event beyond those the test took. A client's events come from its callback thread, which its close() stops
     * after running what was queued: once the client's threads are gone, nothing more can be recorded, so the
     * check needs no grace period.
     */
    @AfterEach
    void stop() throws Exception {
        server.close();
        for (DdpClient c : recorded) {
            c.close();
            assertThat(threadsNamed(c.options().name())).as("threads of " + c).isEmpty();
        }
        events.assertExhausted();
    }

    /** connect -> connected; method 'echo' -> result with its first param plus a stream event first. */
    private static void answer(Session s, String text) {
        try {
            JsonNode f = JSON.readTree(text);
            switch (f.path("msg").asText()) {
                case "connect" -> s.getBasicRemote().sendText("{\"msg\":\"connected\",\"session\":\"loop1\"}");
                case "method" -> {
                    String id = f.get("id").asText();
                    if (f.get("method").asText().equals("gated") && !gate.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                    s.getBasicRemote().sendText("{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\","
                            + "\"fields\":{\"eventName\":\"GENERAL\",\"args\":[" + id + "]}}");
                    s.getBasicRemote().sendText("{\"msg\":\"result\",\"id\":\"" + id + "\",\"result\":"
                            + f.get("params").get(0) + "}");
                    s.getBasicRemote().sendText("{\"msg\":\"updated\",\"methods\":[\"" + id + "\"]}");
                }
                default -> { }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DdpClient client(String name, int maxFrameSize) {
        DdpClient c = new DdpClient(DdpClientOptions.builder(server.httpUrl()).name(name).maxFrameSize(maxFrameSize)
                .connectTimeout(Duration.ofSeconds(5)).build());
        c.addConnectionListener(events);
        recorded.add(c);
        return c;
    }

    @Test
    void connectsCallsWithOneMegabyteEachWayAndClosesCleanly() throws Exception {
        DdpClient client = client("loop-a", 4 * 1024 * 1024);
        client.onStream("stream-room-messages", "GENERAL", events);
        assertThat(client.connect().get(10, TimeUnit.SECONDS)).isEqualTo("loop1");
        assertThat(events.next(EventRecorder.Connected.class).session()).isEqualTo("loop1");
        assertThat(server.received().poll(5, TimeUnit.SECONDS))
                .isEqualTo("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");

        String big = "\u00e9".repeat(512 * 1024); // 1 MB of UTF-8
        gate = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<String> thread = new CompletableFuture<>();
        CompletableFuture<Object> result = client.call("gated", List.of(big));
        result.whenComplete((r, e) -> thread.complete(Thread.currentThread().getName()));
        gate.countDown();
        // wait on 'thread' first: a thread blocked in result.get() helps run result's dependent actions
        // (CompletableFuture.postComplete), so the action could run on this thread instead of the callback thread
        assertThat(thread.get(10, TimeUnit.SECONDS)).as("futures complete on the callback thread").isEqualTo("loop-a-callbacks");
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(big);
        EventRecorder.Stream ev = events.next(EventRecorder.Stream.class);
        assertThat(ev.event().args()).containsExactly(1);
        assertThat(ev.thread()).isEqualTo("loop-a-callbacks");

        // many calls in flight on one socket
        List<CompletableFuture<Object>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(client.call("echo", List.of(i)));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            assertThat(events.next(EventRecorder.Stream.class).event().args()).containsExactly(i + 2);
        }

        client.close();
        client.close();
        assertThat(server.closeReason().getCloseCode().getCode()).isEqualTo(1000);
        DdpDisconnect d = events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.requested()).isTrue();
        assertThat(threadsNamed("loop-a")).as("client threads released").isEmpty();
        assertThat(client.call("echo", List.of(1))).isCompletedExceptionally();
    }

    @Test
    void aFrameOverMaxFrameSizeIsReportedAsALostConnection() throws Exception {
        DdpClient client = client("loop-b", 64 * 1024);
        try {
            client.connect().get(10, TimeUnit.SECONDS);
            events.next(EventRecorder.Connected.class);
            server.received().clear();
            server.onText((s, t) -> { });
            CompletableFuture<Object> pending = client.call("never", List.of());
            server.received().poll(5, TimeUnit.SECONDS);
            server.session().getBasicRemote().sendText("{\"msg\":\"added\",\"collection\":\"c\",\"id\":\"x\",\"fields\":"
                    + "{\"blob\":\"" + "z".repeat(100 * 1024) + "\"}}");
            DdpDisconnect d = events.next(EventRecorder.Disconnected.class).disconnect();
            assertThat(d.requested()).isFalse();
            assertThat(d.closeCode()).isEqualTo(1009);
            assertThat(d.reason()).contains("exceeds maxFrameSize 65536");
            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DdpConnectionClosedException.class);
            assertThat(client.isConnected()).isFalse();
        } finally {
            client.close();
        }
    }

    @Test
    void connectionRefusedFailsConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DdpClient client = new DdpClient(DdpClientOptions.builder("ws://127.0.0.1:" + port + "/websocket")
                .name("loop-c").build());
        try {
            assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DdpException.class).hasMessageContaining("127.0.0.1:" + port);
        } finally {
            client.close();
        }
        assertThat(threadsNamed("loop-c")).isEmpty();
    }

    @Test
    void connectTimesOutAgainstAServerThatNeverUpgrades() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            DdpClient client = new DdpClient(DdpClientOptions.builder("http://127.0.0.1:" + silent.getLocalPort())
                    .connectTimeout(Duration.ofMillis(300)).name("loop-d").build());
            try {
                assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(DdpException.class);
                assertThat(client.connect().handle((v, e) -> e).get(10, TimeUnit.SECONDS))
                        .as("a new attempt after the failure").isInstanceOf(DdpException.class);
            } finally {
                client.close();
            }
        }
    }

    private static List<Thread> threadsNamed(String prefix) {
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive()));
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
    }
}
