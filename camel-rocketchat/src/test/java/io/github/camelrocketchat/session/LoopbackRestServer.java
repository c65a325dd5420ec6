package io.github.camelrocketchat.session;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK HTTP server on 127.0.0.1 answering canned JSON per path and recording requests (path, auth user, body). */
public final class LoopbackRestServer implements AutoCloseable {
    public record Request(String method, String path, String userId, String token, String body) {
    }

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    /** Tokens the server still accepts; a request with another one is answered 401, as Rocket.Chat does. */
    public volatile java.util.function.Predicate<String> acceptToken = t -> true;

    public LoopbackRestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getRawPath();
            requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("X-User-Id"),
                    ex.getRequestHeaders().getFirst("X-Auth-Token"), body));
            String answer = answers.getOrDefault(path, "{\"success\":false,\"error\":\"no route\"}");
            int status = statuses.getOrDefault(path, answers.containsKey(path) ? 200 : 404);
            String token = ex.getRequestHeaders().getFirst("X-Auth-Token");
            if (token != null && !acceptToken.test(token)) {
                answer = "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";
                status = 401;
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    public LoopbackRestServer answer(String path, int status, String json) {
        answers.put(path, json);
        statuses.put(path, status);
        return this;
    }

    /** The DDP WebSocket URL whose site is this server. */
    public String webSocketUrl() {
        return "ws://127.0.0.1:" + server.getAddress().getPort() + "/websocket";
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
