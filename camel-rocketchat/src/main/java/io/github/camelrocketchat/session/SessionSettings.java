package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.WebSocketUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What a session is opened with. The first endpoint to open a session decides its timeouts; endpoints that
 * share the {@link ConnectionKey} share them.
 *
 * @param key            the sharing key
 * @param webSocketUri   the DDP WebSocket URI
 * @param credentials    who to log in as (its {@code toString()} hides the secret)
 * @param sslContext     the TLS context, or null for the JVM default
 * @param connectTimeout WebSocket and HTTP connect timeout
 * @param pingInterval   idle time before our own ping
 * @param pingTimeout    time to wait for any frame after our ping
 * @param methodTimeout  default method and REST call timeout
 * @param reconnect      when and how often a lost connection is re-opened
 * @param maxPendingCalls how many calls may wait in the outbound queue (for the connection or the rate limiter)
 */
public record SessionSettings(ConnectionKey key, URI webSocketUri, Credentials credentials, SSLContext sslContext,
                              Duration connectTimeout, Duration pingInterval, Duration pingTimeout,
                              Duration methodTimeout, Reconnect reconnect, int maxPendingCalls) {
    /** The default of {@code maxPendingCalls}. */
    public static final int DEFAULT_MAX_PENDING_CALLS = 1000;

    public SessionSettings {
        if (maxPendingCalls < 1) {
            throw new IllegalArgumentException("maxPendingCalls must be at least 1, was " + maxPendingCalls);
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(webSocketUri, "webSocketUri");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(methodTimeout, "methodTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
    }

    /**
     * Settings for {@code serverUrl} (a site URL or the DDP URL), deriving the sharing key and the WebSocket URI.
     *
     * @param tlsKey what identifies the TLS settings in the key (compared by identity), or null
     */
    public static SessionSettings of(String serverUrl, Credentials credentials, Object tlsKey, SSLContext sslContext,
                                     Duration connectTimeout, Duration pingInterval, Duration pingTimeout,
                                     Duration methodTimeout, Reconnect reconnect) {
        return new SessionSettings(ConnectionKey.of(serverUrl, credentials, tlsKey), WebSocketUrls.toWebSocketUri(serverUrl),
                credentials, sslContext, connectTimeout, pingInterval, pingTimeout, methodTimeout, reconnect,
                DEFAULT_MAX_PENDING_CALLS);
    }

    public SessionSettings withMaxPendingCalls(int value) {
        return new SessionSettings(key, webSocketUri, credentials, sslContext, connectTimeout, pingInterval, pingTimeout,
                methodTimeout, reconnect, value);
    }

    /** The DDP WebSocket URI for a configured server URL; fails naming what is wrong with it (never a password). */
    public static URI webSocketUriOf(String serverUrl) {
        return WebSocketUrls.toWebSocketUri(serverUrl);
    }

    /** A configured server URL fit for a log line or {@code toString()}: user info, query and fragment masked. */
    public static String maskedUrl(String serverUrl) {
        return WebSocketUrls.masked(serverUrl);
    }

    /** How long opening the session (connect plus login) may take. */
    public Duration startTimeout() {
        return connectTimeout.plus(methodTimeout);
    }

    /**
     * Exponential backoff with full jitter: attempt n waits a random time up to
     * {@code min(maxDelay, initialDelay * 2^(n-1))}.
     *
     * @param maxAttempts failed attempts in a row before giving up; 0 = never give up
     */
    public record Reconnect(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        public Reconnect {
            Objects.requireNonNull(initialDelay, "initialDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (initialDelay.toMillis() < 1) {
                throw new IllegalArgumentException("reconnectInitialDelay must be at least 1 ms, was " + initialDelay.toMillis() + " ms");
            }
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("reconnectMaxDelay (" + maxDelay.toMillis() + " ms) must not be below "
                        + "reconnectInitialDelay (" + initialDelay.toMillis() + " ms)");
            }
            if (maxAttempts < 0) {
                throw new IllegalArgumentException("maxReconnectAttempts must be 0 (forever) or more, was " + maxAttempts);
            }
        }

        /** 500 ms, 30 s, forever: the component's defaults. */
        public static Reconnect defaults() {
            return new Reconnect(Duration.ofMillis(500), Duration.ofSeconds(30), 0);
        }
    }
}
