package io.github.camelrocketchat.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RocketChatRestClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Request(String method, String path, String query, Map<String, String> headers, String body) {
    }

    private record Answer(int status, String body) {
    }

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile RestCredentials credentials = new RestCredentials("uid-bot", "s3cr3t-token");
    private RocketChatRestClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI site = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        client = new RocketChatRestClient(site, null, Duration.ofSeconds(5), Duration.ofSeconds(5), () -> credentials);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (String h : List.of("X-User-Id", "X-Auth-Token", "Content-Type")) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                headers.put(h, v);
            }
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(), headers, body));
        Answer a = answers.getOrDefault(ex.getRequestURI().getRawPath(), new Answer(404, "{\"success\":false,\"error\":\"no route\"}"));
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(a.status(), out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void derivesTheSiteUrlFromTheWebSocketUrl() {
        assertThat(RocketChatRestClient.siteUriOf(URI.create("wss://chat.example.com/websocket")))
                .isEqualTo(URI.create("https://chat.example.com"));
        assertThat(RocketChatRestClient.siteUriOf(URI.create("ws://localhost:3000/chat/websocket")))
                .isEqualTo(URI.create("http://localhost:3000/chat"));
    }

    @Test
    void readsTheServerVersionInBothShapesWithoutAuth() throws Exception {
        answers.put("/api/info", new Answer(200, "{\"version\":\"8.0.1\",\"success\":true}"));
        assertThat(get(client.serverVersion())).isEqualTo("8.0.1");
        assertThat(requests.get(0).headers()).doesNotContainKeys("X-User-Id", "X-Auth-Token");
        answers.put("/api/info", new Answer(200, "{\"info\":{\"version\":\"6.13.0\"},\"success\":true}"));
        assertThat(get(client.serverVersion())).isEqualTo("6.13.0");
    }

    @Test
    void postsMessagesWithAuthHeadersAndJson() throws Exception {
        answers.put("/api/v1/chat.postMessage", new Answer(200, "{\"ts\":1,\"channel\":\"GENERAL\",\"message\":{\"_id\":\"m1\",\"msg\":\"hi\"},\"success\":true}"));
        Map<String, Object> answer = get(client.postMessage(Map.of("roomId", "GENERAL", "text", "hi", "alias", "Bot")));
        assertThat(answer.get("message")).isEqualTo(Map.of("_id", "m1", "msg", "hi"));
        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers()).containsEntry("X-User-Id", "uid-bot").containsEntry("X-Auth-Token", "s3cr3t-token")
                .containsEntry("Content-Type", "application/json");
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"roomId\":\"GENERAL\",\"text\":\"hi\",\"alias\":\"Bot\"}"));
    }

    @Test
    void deleteReactRolesAndSyncRequestShapes() throws Exception {
        answers.put("/api/v1/chat.delete", new Answer(200, "{\"_id\":\"m1\",\"success\":true}"));
        answers.put("/api/v1/chat.react", new Answer(200, "{\"success\":true}"));
        answers.put("/api/v1/rooms.roles", new Answer(200, "{\"roles\":[{\"rid\":\"R1\",\"u\":{\"_id\":\"u1\",\"username\":\"alice\"},\"roles\":[\"owner\"]}],\"success\":true}"));
        answers.put("/api/v1/chat.syncMessages", new Answer(200, "{\"result\":{\"updated\":[],\"deleted\":[]},\"success\":true}"));
        get(client.deleteMessage("R1", "m1"));
        get(client.react("m1", ":smile:", false));
        Map<String, Object> roles = get(client.roomRoles("R 1"));
        get(client.syncMessages("R1", Instant.parse("2024-11-18T11:20:00Z")));
        assertThat(JSON.readTree(requests.get(0).body())).isEqualTo(JSON.readTree("{\"roomId\":\"R1\",\"msgId\":\"m1\"}"));
        assertThat(JSON.readTree(requests.get(1).body())).isEqualTo(JSON.readTree("{\"messageId\":\"m1\",\"emoji\":\":smile:\",\"shouldReact\":false}"));
        assertThat(requests.get(2).method()).isEqualTo("GET");
        assertThat(requests.get(2).query()).isEqualTo("rid=R%201");
        assertThat(((List<?>) roles.get("roles"))).hasSize(1);
        assertThat(requests.get(3).query()).isEqualTo("roomId=R1&lastUpdate=2024-11-18T11%3A20%3A00Z");
    }

    @Test
    void methodCallSendsAStringifiedDdpMessageAndDecodesEjson() throws Exception {
        answers.put("/api/v1/method.call/loadHistory", new Answer(200,
                "{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"rest-1\\\",\\\"result\\\":{\\\"messages\\\":[{\\\"_id\\\":\\\"m1\\\",\\\"ts\\\":{\\\"$date\\\":1731928800000}}]}}\",\"success\":true}"));
        Object result = get(client.methodCall("loadHistory", List.of("GENERAL", Instant.ofEpochMilli(1731928800000L), 20)));
        @SuppressWarnings("unchecked")
        Map<String, Object> msg = (Map<String, Object>) ((List<?>) ((Map<?, ?>) result).get("messages")).get(0);
        assertThat(msg.get("ts")).isEqualTo(Instant.ofEpochMilli(1731928800000L));

        JsonNode sent = JSON.readTree(requests.get(0).body());
        JsonNode ddp = JSON.readTree(sent.get("message").asText());
        assertThat(ddp.get("msg").asText()).isEqualTo("method");
        assertThat(ddp.get("method").asText()).isEqualTo("loadHistory");
        assertThat(ddp.get("id").asText()).startsWith("rest-");
        assertThat(ddp.get("params")).isEqualTo(JSON.readTree("[\"GENERAL\",{\"$date\":1731928800000},20]"));
        assertThat(requests.get(0).headers()).containsEntry("X-Auth-Token", "s3cr3t-token");
    }

    @Test
    void methodCallErrorsAreReadFromTheMessageOnHttp200And400() throws Exception {
        String notFound = "{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"\\\",\\\"error\\\":{\\\"isClientSafe\\\":true,\\\"error\\\":404,"
                + "\\\"reason\\\":\\\"Method 'getUserRoles' not found\\\",\\\"message\\\":\\\"Method 'getUserRoles' not found [404]\\\","
                + "\\\"errorType\\\":\\\"Meteor.Error\\\"}}\",\"success\":false}";
        answers.put("/api/v1/method.call/getUserRoles", new Answer(400, notFound));
        assertThatThrownBy(() -> get(client.methodCall("getUserRoles", List.of())))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RestMethodException.class)
                .satisfies(e -> {
                    RestMethodException d = (RestMethodException) e;
                    assertThat(d.getErrorCode()).isEqualTo("404");
                    assertThat(d.getReason()).isEqualTo("Method 'getUserRoles' not found");
                    assertThat(d.getMethod()).isEqualTo("getUserRoles");
                });
        answers.put("/api/v1/method.call/joinRoom", new Answer(200, "{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"rest-2\\\","
                + "\\\"error\\\":{\\\"error\\\":\\\"error-not-allowed\\\",\\\"reason\\\":\\\"Not allowed\\\"}}\",\"success\":true}"));
        assertThatThrownBy(() -> get(client.methodCall("joinRoom", List.of("R1")))).cause().isInstanceOf(RestMethodException.class)
                .satisfies(e -> assertThat(((RestMethodException) e).getErrorCode()).isEqualTo("error-not-allowed"));
    }

    @Test
    void methodNamesWithSpecialCharactersAreEncoded() throws Exception {
        answers.put("/api/v1/method.call/subscriptions%2Fget", new Answer(200,
                "{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"rest-1\\\",\\\"result\\\":[]}\",\"success\":true}"));
        assertThat(get(client.methodCall("subscriptions/get", List.of()))).isEqualTo(List.of());
        answers.put("/api/v1/method.call/UserPresence:setDefaultStatus", new Answer(200,
                "{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"rest-1\\\",\\\"result\\\":true}\",\"success\":true}"));
        assertThat(get(client.methodCall("UserPresence:setDefaultStatus", List.of("away")))).isEqualTo(true);
        assertThat(requests.get(1).path()).isEqualTo("/api/v1/method.call/UserPresence:setDefaultStatus");
    }

    @Test
    void unauthorizedNamesTheEndpointAndStatusButNeverTheToken() {
        answers.put("/api/v1/chat.delete", new Answer(401, "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}"));
        assertThatThrownBy(() -> get(client.deleteMessage("R1", "m1"))).cause().isInstanceOf(RestException.class)
                .satisfies(e -> {
                    RestException r = (RestException) e;
                    assertThat(r.getStatus()).isEqualTo(401);
                    assertThat(r.getEndpoint()).isEqualTo("POST /api/v1/chat.delete");
                    assertThat(r.getMessage()).contains("POST /api/v1/chat.delete", "401", "You must be logged in")
                            .doesNotContain("s3cr3t-token");
                });
        answers.put("/api/v1/method.call/x", new Answer(401, "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}"));
        assertThatThrownBy(() -> get(client.methodCall("x", List.of()))).cause().isInstanceOf(RestException.class)
                .hasMessageContaining("401");
    }

    @Test
    void restErrorBodiesAndSuccessFalse() {
        answers.put("/api/v1/rooms.roles", new Answer(400, "{\"success\":false,\"error\":\"The required \\\"roomId\\\" param provided "
                + "does not match any room\",\"errorType\":\"error-room-not-found\"}"));
        assertThatThrownBy(() -> get(client.roomRoles("nope"))).cause().isInstanceOf(RestException.class)
                .satisfies(e -> assertThat(((RestException) e).getErrorType()).isEqualTo("error-room-not-found"));
        answers.put("/api/v1/chat.react", new Answer(200, "{\"success\":false,\"error\":\"no\"}"));
        assertThatThrownBy(() -> get(client.react("m", ":x:", null))).cause().isInstanceOf(RestException.class)
                .hasMessageContaining("HTTP 200");
        answers.put("/api/v1/chat.delete", new Answer(200, "<html>not json</html>"));
        assertThatThrownBy(() -> get(client.deleteMessage("R", "m"))).cause().hasMessageContaining("not a JSON object");
    }

    @Test
    void failsWithoutCredentialsAndOnAClosedPort() throws Exception {
        credentials = null;
        assertThatThrownBy(() -> get(client.deleteMessage("R", "m"))).cause().hasMessageContaining("not logged in");
        assertThat(requests).isEmpty();
        server.stop(0);
        assertThatThrownBy(() -> get(client.serverVersion())).cause().isInstanceOf(RestException.class)
                .hasMessageContaining("GET /api/info failed");
    }

    @Test
    void credentialsToStringHidesTheToken() {
        assertThat(new RestCredentials("u", "tok").toString()).doesNotContain("tok").contains("u");
    }
}
