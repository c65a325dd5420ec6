package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * REST {@code chat.sendMessage} (keeps a client {@code _id}, answers a repeat with the duplicate-key error, not
 * swallowed as over DDP) and the REST API's rate limiter ({@code X-RateLimit-*} headers, 429 past the rule).
 */
class RestSendAndLimitTest extends ServerTestSupport {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("X-User-Id", server.userId("alice"))
                .header("X-Auth-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendMessageKeepsTheClientIdAndAnswersARepeatWithTheDuplicateKeyError() throws Exception {
        String token = server.createLoginToken("alice");
        String message = "{\"message\":{\"_id\":\"clientChosenId123\",\"rid\":\"GENERAL\",\"msg\":\"hello\",\"alias\":\"CI\"}}";
        HttpResponse<String> sent = post("/api/v1/chat.sendMessage", message, token);
        assertThat(sent.statusCode()).isEqualTo(200);
        var body = Json.parseOrNull(sent.body());
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("message").path("_id").asText()).isEqualTo("clientChosenId123");
        assertThat(body.path("message").path("alias").asText()).isEqualTo("CI");
        assertThat(body.path("message").path("ts").asText()).as("REST dates are ISO strings").contains("T");
        assertThat(server.messageText("clientChosenId123")).isEqualTo("hello");

        HttpResponse<String> again = post("/api/v1/chat.sendMessage", message, token);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Json.parseOrNull(again.body()).path("error").asText()).contains("E11000 duplicate key error")
                .contains("clientChosenId123");
        assertThat(server.messageTexts("GENERAL")).containsOnlyOnce("hello");

        HttpResponse<String> none = post("/api/v1/chat.sendMessage", "{}", token);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(Json.parseOrNull(none.body()).path("errorType").asText()).isEqualTo("error-invalid-params");
    }

    @Test
    void theRestLimiterIsOffByDefaultThenCountsPerRouteAndUserAndAnswers429WithTheResetInstant() throws Exception {
        String token = server.createLoginToken("alice");
        for (int i = 0; i < 12; i++) {
            assertThat(post("/api/v1/chat.postMessage", "{\"roomId\":\"GENERAL\",\"text\":\"free " + i + "\"}", token)
                    .headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
        server.setRestRateLimiterEnabled(true);
        long start = clock.millis();
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> ok = post("/api/v1/chat.postMessage", "{\"roomId\":\"GENERAL\",\"text\":\"m" + i + "\"}", token);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(10 - i));
        }
        clock.advance(Duration.ofSeconds(20));
        HttpResponse<String> refused = post("/api/v1/chat.postMessage", "{\"roomId\":\"GENERAL\",\"text\":\"m11\"}", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Json.parseOrNull(refused.body()).path("error").asText())
                .isEqualTo("Error, too many requests. Please slow down. You must wait 40 seconds before trying again. [error-too-many-requests]");
        long reset = Long.parseLong(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isBetween(start, start + 60_000);
        assertThat(server.messageTexts("GENERAL")).doesNotContain("m11");
        // another route has its own count
        assertThat(post("/api/v1/chat.sendMessage", "{\"message\":{\"rid\":\"GENERAL\",\"msg\":\"other route\"}}", token)
                .statusCode()).isEqualTo(200);

        clock.set(java.time.Instant.ofEpochMilli(reset + 1));
        assertThat(post("/api/v1/chat.postMessage", "{\"roomId\":\"GENERAL\",\"text\":\"m12\"}", token).statusCode()).isEqualTo(200);
    }
}
