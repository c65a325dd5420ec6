package io.github.camelrocketchat.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The HTTP exchanges of a {@link RocketChatRestClient}: JSON in and out, the {@code X-User-Id}/{@code X-Auth-Token}
 * headers of the current login, and two rules about them. They go to the configured server's origin only (the JDK
 * client's own redirects are off; {@link Redirects} follows those within the origin and refuses the others). And a
 * 401 to a request made with them (an expired or revoked token) asks the owner for fresh credentials and repeats the
 * request once with them: the server refused it at the door, so nothing was done yet. Thread-safe.
 */
final class RestTransport {
    /**
     * An answer: the HTTP status, the body as a JSON object (null when empty or not an object) and, for a 429, how
     * long the server asked to wait in milliseconds (-1 when it did not say).
     */
    record RawResponse(int status, Map<String, Object> json, long retryAfterMillis) {
    }

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Supplier<RestCredentials> credentials;
    private final Function<RestCredentials, CompletableFuture<RestCredentials>> onRejected;
    private final Clock clock;
    /** Requests in flight at once: enough to overlap round trips, few enough to reuse kept-alive connections. */
    static final int MAX_IN_FLIGHT = 8;
    private final RequestGate gate = new RequestGate(MAX_IN_FLIGHT);

    RestTransport(URI baseUri, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout,
                  Supplier<RestCredentials> credentials, Function<RestCredentials, CompletableFuture<RestCredentials>> onRejected,
                  Clock clock) {
        this.baseUri = baseUri;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.onRejected = onRejected;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.http = b.build();
    }

    /** {@code verb path} with {@code body} as JSON (null: none), with the login's headers when {@code auth}. */
    CompletableFuture<RawResponse> exchange(String verb, String path, Map<String, Object> body, boolean auth) {
        String endpoint = verb + " " + path;
        URI uri;
        String json;
        try {
            uri = URI.create(baseUri + path);
            json = body == null ? null : RestEjson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new RestException(endpoint, -1, null, "cannot build the request: " + e.getMessage(), e));
        }
        RestCredentials c = auth ? credentials.get() : null;
        if (auth && c == null) {
            return CompletableFuture.failedFuture(new RestException(endpoint, -1, null, "not logged in yet", null));
        }
        return gate.submit(() -> send(endpoint, verb, uri, json, c, 0)).thenCompose(r -> r.status() != 401 || c == null || onRejected == null
                ? CompletableFuture.completedFuture(r)
                : onRejected.apply(c).handle((fresh, e) -> e == null && fresh != null && !fresh.equals(c) ? fresh : null)
                        .thenCompose(fresh -> fresh == null ? CompletableFuture.completedFuture(r)
                                : gate.submit(() -> send(endpoint, verb, uri, json, fresh, 0))));
    }

    /** One request; a redirect within the server's origin is followed, any other one fails. */
    private CompletableFuture<RawResponse> send(String endpoint, String verb, URI uri, String json, RestCredentials c, int hops) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
        if (json != null) {
            rb.header("Content-Type", "application/json").method(verb, HttpRequest.BodyPublishers.ofString(json));
        } else {
            rb.method(verb, HttpRequest.BodyPublishers.noBody());
        }
        if (c != null) {
            rb.header("X-User-Id", c.userId()).header("X-Auth-Token", c.authToken());
        }
        return http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((resp, err) -> {
                    if (err != null) {
                        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                        throw new RestException(endpoint, -1, null, cause.getClass().getSimpleName()
                                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
                    }
                    return resp;
                }).thenCompose(resp -> {
                    if (!Redirects.isRedirect(resp.statusCode())) {
                        return CompletableFuture.completedFuture(new RawResponse(resp.statusCode(), parse(resp.body()),
                                resp.statusCode() == 429 ? retryAfterMillis(resp.headers()) : -1));
                    }
                    URI next = Redirects.next(endpoint, baseUri, uri, verb, json != null, resp.statusCode(),
                            resp.headers().firstValue("Location"), hops);
                    return send(endpoint, verb, next, json, c, hops + 1);
                });
    }

    /**
     * Rocket.Chat's {@code X-RateLimit-Reset} is the epoch millisecond at which the window resets; a value small
     * enough to be epoch seconds, or a standard {@code Retry-After} in seconds, is read too.
     */
    private long retryAfterMillis(HttpHeaders headers) {
        long now = clock.millis();
        OptionalLong reset = number(headers.firstValue("X-RateLimit-Reset"));
        if (reset.isPresent()) {
            long at = reset.getAsLong() < 100_000_000_000L ? reset.getAsLong() * 1000 : reset.getAsLong();
            return Math.max(0, at - now);
        }
        OptionalLong seconds = number(headers.firstValue("Retry-After"));
        return seconds.isPresent() ? Math.max(0, seconds.getAsLong() * 1000) : -1;
    }

    private static OptionalLong number(java.util.Optional<String> text) {
        try {
            return text.isPresent() ? OptionalLong.of(Long.parseLong(text.get().trim())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A JSON object, or null for an empty or non-object body. */
    static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return RestEjson.MAPPER.readValue(body, LinkedHashMapType.INSTANCE);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static final class LinkedHashMapType extends com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> {
        static final LinkedHashMapType INSTANCE = new LinkedHashMapType();
    }
}
