package io.github.camelrocketchat.testserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A raw JSON-over-WebSocket client for testing the test server itself (JDK {@code java.net.http.WebSocket}):
 * sends and receives whole frames as Jackson trees, nothing more. It deliberately knows no DDP logic.
 */
public final class RawDdpClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Frames in arrival order; a binary frame arrives as {@code {"binary": n}}. */
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final CompletableFuture<String> closeReason = new CompletableFuture<>();
    private final AtomicInteger syncIds = new AtomicInteger();
    private final WebSocket ws;

    private RawDdpClient(String url) {
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create(url), new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public static RawDdpClient open(String webSocketUrl) {
        return new RawDdpClient(webSocketUrl);
    }

    /** Opens and completes the DDP handshake (skipping a ddp-streamer greeting or early ping). */
    public static RawDdpClient connected(String webSocketUrl) {
        RawDdpClient c = open(webSocketUrl);
        c.send("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
        c.awaitMsg("connected");
        return c;
    }

    public void send(String text) {
        ws.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void send(JsonNode frame) {
        send(Json.write(frame));
    }

    public void sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The next frame; fails after 5 s. */
    public JsonNode next() {
        try {
            JsonNode n = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Skips frames until one with this {@code msg}; returns it. */
    public JsonNode awaitMsg(String msg) {
        return await(f -> msg.equals(Json.text(f, "msg")));
    }

    public JsonNode await(Predicate<JsonNode> predicate) {
        List<JsonNode> skipped = new ArrayList<>();
        while (true) {
            JsonNode n = next();
            if (predicate.test(n)) {
                return n;
            }
            skipped.add(n);
            if (skipped.size() > 1000) {
                throw new AssertionError("no matching frame; skipped " + skipped.size());
            }
        }
    }

    /**
     * Sends a ping with a fresh id and returns every frame that came before its pong. The server processes
     * frames in order on one thread, so everything caused by earlier frames has arrived by then.
     */
    public List<JsonNode> sync() {
        String id = "sync-" + syncIds.incrementAndGet();
        send("{\"msg\":\"ping\",\"id\":\"" + id + "\"}");
        List<JsonNode> before = new ArrayList<>();
        while (true) {
            JsonNode n = next();
            if ("pong".equals(Json.text(n, "msg")) && id.equals(Json.text(n, "id"))) {
                return before;
            }
            before.add(n);
        }
    }

    /** Sends a method call and returns every frame up to and including its {@code result}. */
    public List<JsonNode> call(String id, String method, Object... params) {
        ObjectNode f = Json.obj();
        f.put("msg", "method");
        f.put("id", id);
        f.put("method", method);
        f.set("params", Json.MAPPER.valueToTree(params));
        send(f);
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            JsonNode n = next();
            frames.add(n);
            if ("result".equals(Json.text(n, "msg")) && id.equals(Json.text(n, "id"))) {
                return frames;
            }
        }
    }

    /** The {@code result} frame of a call. */
    public JsonNode result(String id, String method, Object... params) {
        List<JsonNode> frames = call(id, method, params);
        return frames.get(frames.size() - 1);
    }

    /** Logs in with a password digest; returns the result frame. */
    public JsonNode login(String username, String password) {
        ObjectNode p = Json.obj();
        p.putObject("user").put("username", username);
        ObjectNode pw = p.putObject("password");
        pw.put("digest", Ids.sha256Hex(password));
        pw.put("algorithm", "sha-256");
        return result("login-" + syncIds.incrementAndGet(), "login", p);
    }

    /** Subscribes and returns the first frame about this sub id ({@code ready} or {@code nosub}). */
    public JsonNode sub(String id, String name, Object... params) {
        ObjectNode f = Json.obj();
        f.put("msg", "sub");
        f.put("id", id);
        f.put("name", name);
        f.set("params", Json.MAPPER.valueToTree(params));
        send(f);
        return await(n -> ("ready".equals(Json.text(n, "msg")) && n.path("subs").toString().contains("\"" + id + "\""))
                || ("nosub".equals(Json.text(n, "msg")) && id.equals(Json.text(n, "id"))));
    }

    /** Options object of a current-style stream subscription. */
    public static ObjectNode streamOptions() {
        ObjectNode o = Json.obj();
        o.put("useCollection", false);
        o.putArray("args");
        return o;
    }

    /** Completes with {@code [statusCode]} when the server closes the socket. */
    public CompletableFuture<int[]> closed() {
        return closed;
    }

    /**
     * Sends a ping; a failed send ends {@link #closed()} with 1006, as the failed write of a real client's heartbeat
     * tells it the socket is gone. The JDK client notices a socket the peer dropped only when it reads or writes;
     * under load its read of the end of stream was seen to lag by more than 30 s, and the first write after a drop
     * can still succeed (it only provokes the peer's reset), so tests of dropped sockets call this until
     * {@link #closed()} is done ({@link #awaitClosed()}).
     */
    public void probe() {
        if (!closed.isDone()) {
            ws.sendText("{\"msg\":\"ping\",\"id\":\"probe\"}", true).exceptionally(e -> {
                closeReason.complete("probe failed: " + e);
                closed.complete(new int[] {1006});
                return null;
            });
        }
    }

    /** Probes until the client has seen its socket end (at most 30 s); returns what {@link #closed()} holds. */
    public int[] awaitClosed() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    probe();
                    return closed.isDone();
                });
        return closed.join();
    }

    public CompletableFuture<String> closeReason() {
        return closeReason;
    }

    /** Frames received and not yet taken. */
    public List<JsonNode> pending() {
        List<JsonNode> out = new ArrayList<>();
        inbox.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                JsonNode n = Json.parseOrNull(frame);
                inbox.add(n != null && n.isObject() ? n : Json.obj().put("unparsable", frame.length() > 200
                        ? frame.substring(0, 200) : frame).put("length", frame.length()));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            inbox.add(Json.obj().put("binary", data.remaining()));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason.complete(reason);
            closed.complete(new int[] {statusCode});
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeReason.complete(String.valueOf(error));
            closed.complete(new int[] {1006});
        }
    }
}
