package io.github.camelrocketchat.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the REST client's credentials go. Never to another origin: two loopback servers, the configured one
 * redirecting to the other (another port is another origin); same-origin redirects are followed. And a 401 to the
 * current token is answered with the owner's fresh credentials, once.
 */
class RestCredentialsTest {
    private static final String TOKEN = "T0ken-SECRET";

    private record Seen(String method, String path, String token, String body) {
    }

    /** One loopback HTTP server: answers per path (a status and either a body or a Location), records requests. */
    private static final class Host implements AutoCloseable {
        final HttpServer server;
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        final Map<String, String[]> answers = new ConcurrentHashMap<>();
        /** When set, a request with another token is answered 401, as Rocket.Chat does. */
        volatile String validToken;

        Host() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void redirect(String path, int status, String location) {
            answers.put(path, new String[] {String.valueOf(status), null, location});
        }

        void answer(String path, String json) {
            answers.put(path, new String[] {"200", json, null});
        }

        private void handle(HttpExchange ex) throws IOException {
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestHeaders().getFirst("X-Auth-Token"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String[] a = answers.getOrDefault(ex.getRequestURI().getRawPath(), new String[] {"404", "{\"success\":false}", null});
            if (validToken != null && !validToken.equals(ex.getRequestHeaders().getFirst("X-Auth-Token"))) {
                a = new String[] {"401", "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}", null};
            }
            if (a[2] != null) {
                ex.getResponseHeaders().add("Location", a[2]);
            }
            byte[] out = a[1] == null ? new byte[0] : a[1].getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(Integer.parseInt(a[0]), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private Host configured;
    private Host other;
    private RocketChatRestClient client;

    @BeforeEach
    void start() throws IOException {
        configured = new Host();
        other = new Host();
        client = new RocketChatRestClient(URI.create(configured.url()), null, Duration.ofSeconds(5), Duration.ofSeconds(5),
                () -> new RestCredentials("uid-bot", TOKEN));
    }

    @AfterEach
    void stop() {
        configured.close();
        other.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRedirectToAnotherOriginFailsClearlyAndTheOtherOriginSeesNothing() {
        other.answer("/api/v1/chat.postMessage", "{\"success\":true}");
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            configured.redirect("/api/v1/chat.postMessage", status, other.url() + "/api/v1/chat.postMessage?x=1");
            assertThatThrownBy(() -> get(client.postMessage(Map.of("roomId", "GENERAL", "text", "hi"))))
                    .cause().isInstanceOf(RestException.class)
                    .hasMessageContaining("POST /api/v1/chat.postMessage")
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("another origin (" + other.url() + ")")
                    .hasMessageContaining("serverUrl")
                    .hasMessageNotContaining("x=1")
                    .hasMessageNotContaining(TOKEN);
        }
        assertThat(other.seen).isEmpty();
        assertThat(configured.seen).hasSize(5).allSatisfy(s -> assertThat(s.token()).isEqualTo(TOKEN));
    }

    @Test
    void aRedirectToTheSameHostByAnotherNameOrSchemeIsAnotherOriginToo() {
        int port = configured.server.getAddress().getPort();
        configured.redirect("/api/v1/chat.syncMessages", 302, "http://localhost:" + port + "/api/v1/elsewhere");
        assertThatThrownBy(() -> get(client.get("chat.syncMessages", Map.of())))
                .cause().hasMessageContaining("another origin (http://localhost:" + port + ")");
        configured.redirect("/api/v1/chat.syncMessages", 301, "https://127.0.0.1:" + port + "/api/v1/chat.syncMessages");
        assertThatThrownBy(() -> get(client.get("chat.syncMessages", Map.of())))
                .cause().hasMessageContaining("another origin (https://127.0.0.1:" + port + ")");
        assertThat(configured.seen).extracting(Seen::path).containsOnly("/api/v1/chat.syncMessages");
    }

    @Test
    void sameOriginRedirectsAreFollowedWithTheCredentials() throws Exception {
        configured.redirect("/api/v1/chat.postMessage", 307, "/api/v1/chat.postMessage2");
        configured.redirect("/api/v1/chat.postMessage2", 308, configured.url() + "/api/v1/chat.postMessage3");
        configured.answer("/api/v1/chat.postMessage3", "{\"success\":true,\"message\":{\"_id\":\"m1\"}}");
        assertThat(get(client.postMessage(Map.of("roomId", "GENERAL", "text", "hi"))).get("message")).isEqualTo(Map.of("_id", "m1"));
        assertThat(configured.seen).extracting(Seen::method).containsOnly("POST");
        assertThat(configured.seen).extracting(Seen::token).containsOnly(TOKEN);
        assertThat(configured.seen).hasSize(3).extracting(Seen::body).containsOnly(configured.seen.get(0).body());
        assertThat(configured.seen.get(0).body()).contains("\"text\":\"hi\"");

        configured.redirect("/api/v1/rooms.roles", 302, "/api/v1/rooms.roles2?rid=R1");
        configured.answer("/api/v1/rooms.roles2", "{\"success\":true,\"roles\":[]}");
        assertThat(get(client.roomRoles("R1")).get("roles")).isEqualTo(List.of());
    }

    @Test
    void aPostRedirectedWithAStatusThatWouldMakeItAGetFails() {
        configured.redirect("/api/v1/chat.delete", 302, "/api/v1/chat.delete2");
        assertThatThrownBy(() -> get(client.deleteMessage("R1", "m1"))).cause().isInstanceOf(RestException.class)
                .hasMessageContaining("302 redirect would turn POST into GET");
        assertThat(configured.seen).extracting(Seen::path).containsExactly("/api/v1/chat.delete");
    }

    @Test
    void aRedirectLoopEndsAfterFiveHops() {
        configured.redirect("/api/v1/chat.syncMessages", 307, "/api/v1/chat.syncMessages");
        assertThatThrownBy(() -> get(client.get("chat.syncMessages", Map.of()))).cause()
                .hasMessageContaining("more than 5 redirects");
        assertThat(configured.seen).hasSize(6);
    }

    @Test
    void a401IsRepeatedOnceWithTheFreshCredentialsTheOwnerGives() throws Exception {
        java.util.List<RestCredentials> rejected = new CopyOnWriteArrayList<>();
        RocketChatRestClient renewing = new RocketChatRestClient(URI.create(configured.url()), null, Duration.ofSeconds(5),
                Duration.ofSeconds(5), () -> new RestCredentials("uid-bot", TOKEN), c -> {
                    rejected.add(c);
                    return CompletableFuture.completedFuture(new RestCredentials("uid-bot", "fresh-token"));
                });
        configured.answer("/api/v1/chat.postMessage", "{\"success\":true}");
        configured.validToken = "fresh-token";
        assertThat(get(renewing.postMessage(Map.of("roomId", "GENERAL", "text", "hi")))).containsEntry("success", true);
        assertThat(rejected).containsExactly(new RestCredentials("uid-bot", TOKEN));
        assertThat(configured.seen).extracting(Seen::token).containsExactly(TOKEN, "fresh-token");
        assertThat(configured.seen.get(1).body()).isEqualTo(configured.seen.get(0).body());

        // fresh credentials that are refused too: the 401 stands, no third try
        configured.seen.clear();
        rejected.clear();
        configured.validToken = "another-token";
        assertThatThrownBy(() -> get(renewing.postMessage(Map.of("roomId", "GENERAL", "text", "hi")))).cause()
                .isInstanceOf(RestException.class).hasMessageContaining("HTTP 401");
        assertThat(configured.seen).extracting(Seen::token).containsExactly(TOKEN, "fresh-token");
    }

    @Test
    void a401StandsWhenTheOwnerHasNothingBetter() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        RocketChatRestClient stuck = new RocketChatRestClient(URI.create(configured.url()), null, Duration.ofSeconds(5),
                Duration.ofSeconds(5), () -> new RestCredentials("uid-bot", TOKEN), c -> {
                    asked.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                });
        configured.validToken = "fresh-token";
        assertThatThrownBy(() -> get(stuck.deleteMessage("R1", "m1"))).cause().hasMessageContaining("HTTP 401");
        assertThat(asked).hasValue(1);
        assertThat(configured.seen).hasSize(1);
        // a request without credentials (the server version) is never repeated
        assertThatThrownBy(() -> get(stuck.serverVersion())).cause().hasMessageContaining("HTTP 401");
        assertThat(asked).hasValue(1);
    }
}
