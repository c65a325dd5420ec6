package io.github.camelrocketchat.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A small asynchronous client for the REST endpoints the component needs where servers moved off DDP:
 * {@code /api/info}, {@code chat.postMessage}, {@code chat.delete}, {@code chat.react}, {@code rooms.roles},
 * {@code chat.syncMessages} and {@code method.call/<method>}.
 *
 * <p>Every call returns at once; futures complete on the JDK HTTP client's threads. Failures are
 * {@link RestException}s naming the endpoint and HTTP status, or {@link RestMethodException}s for a method
 * error carried by {@code method.call}. The credentials go to the configured server's origin only: a redirect is
 * followed within it and refused anywhere else, and a 401 can be answered with a fresh login ({@link RestTransport}).
 * Thread-safe.
 */
public final class RocketChatRestClient {
    private static final String API = "/api/v1/";

    private final URI baseUri;
    private final RestTransport transport;
    private final AtomicLong callIds = new AtomicLong();

    /**
     * @param baseUri        the server's site URL, {@code http(s)://host[/prefix]}
     * @param sslContext     TLS context for https, null for the JVM default
     * @param connectTimeout TCP/TLS connect timeout
     * @param requestTimeout time allowed for a whole answer
     * @param credentials    gives the current login's credentials (called per request; may return null before login)
     */
    public RocketChatRestClient(URI baseUri, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout,
                                Supplier<RestCredentials> credentials) {
        this(baseUri, sslContext, connectTimeout, requestTimeout, credentials, null);
    }

    /**
     * @param onRejected told when the server answers 401 to a request made with the credentials it is given (the
     *                   token expired or was revoked); completes with the credentials to repeat that request with, once,
     *                   or with null to let the 401 stand. Null: a 401 always stands.
     * @see #RocketChatRestClient(URI, SSLContext, Duration, Duration, Supplier)
     */
    public RocketChatRestClient(URI baseUri, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout,
                                Supplier<RestCredentials> credentials,
                                Function<RestCredentials, CompletableFuture<RestCredentials>> onRejected) {
        this(baseUri, sslContext, connectTimeout, requestTimeout, credentials, onRejected, Clock.systemUTC());
    }

    /**
     * @param clock reads the server's rate-limit reset time ({@code X-RateLimit-Reset} is an instant)
     * @see #RocketChatRestClient(URI, SSLContext, Duration, Duration, Supplier, Function)
     */
    public RocketChatRestClient(URI baseUri, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout,
                                Supplier<RestCredentials> credentials,
                                Function<RestCredentials, CompletableFuture<RestCredentials>> onRejected, Clock clock) {
        this.baseUri = stripSlash(Objects.requireNonNull(baseUri, "baseUri"));
        this.transport = new RestTransport(this.baseUri, sslContext, connectTimeout, requestTimeout, credentials, onRejected,
                clock);
    }

    /** The site URL for a DDP WebSocket URI: {@code ws(s)://host[/prefix]/websocket} to {@code http(s)://host[/prefix]}. */
    public static URI siteUriOf(URI webSocketUri) {
        String scheme = webSocketUri.getScheme().toLowerCase(Locale.ROOT);
        String http = switch (scheme) {
            case "ws", "http" -> "http";
            case "wss", "https" -> "https";
            default -> throw new IllegalArgumentException("Not a WebSocket or HTTP URI scheme: " + scheme);
        };
        String path = webSocketUri.getRawPath() == null ? "" : webSocketUri.getRawPath();
        if (path.endsWith("/websocket")) {
            path = path.substring(0, path.length() - "/websocket".length());
        }
        return URI.create(http + "://" + webSocketUri.getRawAuthority() + path);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** {@code GET /api/info}: the server version ({@code version} or {@code info.version}), null when not told. */
    public CompletableFuture<String> serverVersion() {
        return send("GET", "/api/info", null, false).thenApply(body -> {
            Object v = body.get("version");
            if (v == null && body.get("info") instanceof Map<?, ?> info) {
                v = info.get("version");
            }
            return v == null ? null : String.valueOf(v);
        });
    }

    /** {@code POST /api/v1/chat.postMessage} with {@code roomId}, {@code text}, {@code alias}, ...; answers the body. */
    public CompletableFuture<Map<String, Object>> postMessage(Map<String, Object> message) {
        return post("chat.postMessage", message);
    }

    /**
     * {@code POST /api/v1/chat.sendMessage} with {@code {"message": {...}}}: unlike {@code chat.postMessage} it keeps
     * the client's {@code _id}, so a repeated send is recognised. Answers the body ({@code message} is the stored one).
     */
    public CompletableFuture<Map<String, Object>> sendMessage(Map<String, Object> message) {
        return post("chat.sendMessage", Map.of("message", message));
    }

    /**
     * {@code GET /api/v1/chat.getMessage?msgId=}: the stored message, or null when there is none (Rocket.Chat answers a
     * bare 400 {@code {"success":false}} for an unknown id, which is told apart from other failures by its lack of an
     * error text).
     */
    public CompletableFuture<Map<String, Object>> getMessage(String messageId) {
        String endpoint = "GET " + API + "chat.getMessage";
        return transport.exchange("GET", API + "chat.getMessage?msgId=" + enc(messageId), null, true).thenApply(r -> {
            if (r.status() == 400 && r.json() != null && Boolean.FALSE.equals(r.json().get("success"))
                    && r.json().get("error") == null && r.json().get("errorType") == null) {
                return null;
            }
            boolean success = r.status() >= 200 && r.status() < 300 && r.json() != null;
            if (!success) {
                throw failure(endpoint, r);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = r.json().get("message") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
            return m;
        });
    }

    /** {@code POST /api/v1/chat.delete}. */
    public CompletableFuture<Map<String, Object>> deleteMessage(String roomId, String messageId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("msgId", messageId);
        return post("chat.delete", body);
    }

    /** {@code POST /api/v1/chat.react}; {@code shouldReact} null toggles. */
    public CompletableFuture<Map<String, Object>> react(String messageId, String emoji, Boolean shouldReact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("emoji", emoji);
        if (shouldReact != null) {
            body.put("shouldReact", shouldReact);
        }
        return post("chat.react", body);
    }

    /** {@code GET /api/v1/rooms.roles?rid=} (the query parameter is {@code rid}, unlike most endpoints). */
    public CompletableFuture<Map<String, Object>> roomRoles(String roomId) {
        return get("rooms.roles", Map.of("rid", roomId));
    }

    /** {@code GET /api/v1/chat.syncMessages?roomId=&lastUpdate=} (ISO-8601). */
    public CompletableFuture<Map<String, Object>> syncMessages(String roomId, Instant lastUpdate) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("roomId", roomId);
        q.put("lastUpdate", lastUpdate.toString());
        return get("chat.syncMessages", q);
    }

    /** An authenticated {@code GET /api/v1/<endpoint>}. */
    public CompletableFuture<Map<String, Object>> get(String endpoint, Map<String, String> query) {
        StringJoiner qs = new StringJoiner("&", "?", "");
        qs.setEmptyValue("");
        query.forEach((k, v) -> qs.add(enc(k) + "=" + enc(v)));
        return send("GET", API + endpoint + qs, null, true);
    }

    /** An authenticated {@code POST /api/v1/<endpoint>} with a JSON body. */
    public CompletableFuture<Map<String, Object>> post(String endpoint, Map<String, Object> body) {
        return send("POST", API + endpoint, body, true);
    }

    /**
     * {@code POST /api/v1/method.call/<method>}: calls a DDP method over HTTP. The method's answer is read from
     * the {@code message} field whether the status is 200 or 400; completes with the (EJSON-decoded) result or
     * fails with a {@link RestMethodException}.
     */
    public CompletableFuture<Object> methodCall(String method, List<?> params) {
        String id = "rest-" + callIds.incrementAndGet();
        Map<String, Object> ddp = new LinkedHashMap<>();
        ddp.put("msg", "method");
        ddp.put("id", id);
        ddp.put("method", method);
        ddp.put("params", params == null ? List.of() : params);
        Map<String, Object> body = Map.of("message", RestEjson.write(ddp));
        // ':' is legal in a path segment and servers route on it as is; '/' must not split the segment
        String path = API + "method.call/" + enc(method).replace("%3A", ":");
        return transport.exchange("POST", path, body, true).thenApply(r -> methodResult(method, path, r));
    }

    private Object methodResult(String method, String path, RestTransport.RawResponse r) {
        String endpoint = "POST " + path;
        if (r.status() == 401 || r.status() == 403) {
            throw failure(endpoint, r);
        }
        Object message = r.json() == null ? null : r.json().get("message");
        if (!(message instanceof String text)) {
            throw failure(endpoint, r);
        }
        Map<String, Object> result;
        try {
            result = RestEjson.MAPPER.readValue(text, RestTransport.LinkedHashMapType.INSTANCE);
        } catch (JsonProcessingException e) {
            throw new RestException(endpoint, r.status(), null, "the method answer is not JSON", e);
        }
        if (result.get("error") instanceof Map<?, ?> err) {
            Object details = err.get("details");
            @SuppressWarnings("unchecked")
            Map<String, Object> detailMap = details instanceof Map<?, ?> d ? (Map<String, Object>) d : null;
            throw new RestMethodException(endpoint, r.status(), err.get("error"),
                    err.get("reason") == null ? null : String.valueOf(err.get("reason")), detailMap, method);
        }
        if (r.status() >= 300) {
            throw failure(endpoint, r);
        }
        return RestEjson.decode(result.get("result"));
    }

    private CompletableFuture<Map<String, Object>> send(String verb, String path, Map<String, Object> body, boolean auth) {
        String endpoint = verb + " " + path;
        return transport.exchange(verb, path, body, auth).thenApply(r -> {
            boolean success = r.status() >= 200 && r.status() < 300 && r.json() != null && !Boolean.FALSE.equals(r.json().get("success"));
            if (!success) {
                throw failure(endpoint, r);
            }
            return r.json();
        });
    }

    private static RestException failure(String endpoint, RestTransport.RawResponse r) {
        String type = null;
        String text = null;
        if (r.json() != null) {
            type = r.json().get("errorType") == null ? null : String.valueOf(r.json().get("errorType"));
            Object err = r.json().get("error") != null ? r.json().get("error") : r.json().get("message");
            text = err == null ? null : String.valueOf(err);
        } else if (r.status() >= 200 && r.status() < 300) {
            text = "the answer is not a JSON object";
        }
        return new RestException(endpoint, r.status(), type, text, null, r.retryAfterMillis());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI stripSlash(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }
}
