package io.github.camelrocketchat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/**
 * The baseline of the inbound benchmarks: a bare Tyrus client that logs in, subscribes to one room's messages and
 * counts the {@code changed} frames on Tyrus's own thread, either without reading them ({@link Mode#COUNT}: what the
 * socket and the source can do) or after Jackson parsed each into a tree ({@link Mode#PARSE}: the least any DDP client
 * does). No DDP client, no Camel: everything the component adds is measured against this.
 */
final class BareReader implements AutoCloseable {
    enum Mode { COUNT, PARSE }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClientManager TYRUS = ClientManager.createClient();

    private final Mode mode;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Session session;
    private volatile CompletableFuture<Long> target = new CompletableFuture<>();
    private volatile long expected = Long.MAX_VALUE;
    private long count;
    /** When {@code seen} is set, the nanoTime each firehose message index was read (P3). */
    private volatile long[] seen;

    private BareReader(Mode mode) {
        this.mode = mode;
    }

    static BareReader open(String webSocketUrl, String user, String password, String roomId, Mode mode) throws Exception {
        BareReader r = new BareReader(mode);
        r.session = TYRUS.connectToServer(r.new Handler(user, password, roomId), ClientEndpointConfig.Builder.create().build(),
                URI.create(webSocketUrl));
        r.ready.get(10, TimeUnit.SECONDS);
        return r;
    }

    /** Completes with the nanoTime the {@code n}-th changed frame (from now) was counted. */
    CompletableFuture<Long> expect(long n, long[] seenAt) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        synchronized (this) {
            count = 0;
            seen = seenAt;
            expected = n;
            target = f;
        }
        return f;
    }

    private void changed(String text) throws Exception {
        long[] s = seen;
        if (mode == Mode.PARSE) {
            JsonNode tree = JSON.readTree(text);
            if (s != null) {
                String msg = tree.path("fields").path("args").path(0).path("msg").asText();
                s[index(msg)] = System.nanoTime();
            }
        }
        synchronized (this) {
            if (++count == expected) {
                target.complete(System.nanoTime());
            }
        }
    }

    /** The firehose index in a text {@code "firehose <i> ..."}. */
    static int index(String text) {
        int from = text.indexOf(' ') + 1;
        int to = text.indexOf(' ', from);
        return Integer.parseInt(text, from, to, 10);
    }

    @Override
    public void close() throws Exception {
        Session s = session;
        if (s != null) {
            s.close();
        }
    }

    private final class Handler extends Endpoint {
        private final String user;
        private final String password;
        private final String roomId;

        Handler(String user, String password, String roomId) {
            this.user = user;
            this.password = password;
            this.roomId = roomId;
        }

        @Override
        public void onOpen(Session s, EndpointConfig config) {
            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                try {
                    onText(s, text);
                } catch (Exception e) {
                    ready.completeExceptionally(e);
                }
            });
            send(s, "{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
        }

        private void onText(Session s, String text) throws Exception {
            if (text.startsWith("{\"msg\":\"changed\",\"collection\":\"stream-room-messages\"") && ready.isDone()) {
                changed(text);
                return;
            }
            JsonNode f = JSON.readTree(text);
            switch (f.path("msg").asText()) {
                case "connected" -> send(s, "{\"msg\":\"method\",\"id\":\"login\",\"method\":\"login\",\"params\":[{\"user\":{\"username\":\""
                        + user + "\"},\"password\":{\"digest\":\"" + sha256(password) + "\",\"algorithm\":\"sha-256\"}}]}");
                case "result" -> {
                    if (f.has("error")) {
                        ready.completeExceptionally(new IllegalStateException("login failed: " + f.path("error")));
                    } else {
                        send(s, "{\"msg\":\"sub\",\"id\":\"room\",\"name\":\"stream-room-messages\",\"params\":[\"" + roomId
                                + "\",{\"useCollection\":false,\"args\":[]}]}");
                    }
                }
                case "ready" -> ready.complete(null);
                case "nosub" -> ready.completeExceptionally(new IllegalStateException("subscription refused: " + f));
                case "ping" -> send(s, "{\"msg\":\"pong\"}");
                default -> {
                }
            }
        }

        private void send(Session s, String text) {
            s.getAsyncRemote().sendText(text);
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
