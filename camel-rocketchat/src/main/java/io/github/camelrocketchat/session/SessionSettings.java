package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.LoginRequest;
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
 * @param login          the login request (its {@code toString()} hides the secret)
 * @param sslContext     the TLS context, or null for the JVM default
 * @param connectTimeout WebSocket and HTTP connect timeout
 * @param pingInterval   idle time before our own ping
 * @param pingTimeout    time to wait for any frame after our ping
 * @param methodTimeout  default method and REST call timeout
 */
public record SessionSettings(ConnectionKey key, URI webSocketUri, LoginRequest login, SSLContext sslContext,
                              Duration connectTimeout, Duration pingInterval, Duration pingTimeout,
                              Duration methodTimeout) {
    public SessionSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(webSocketUri, "webSocketUri");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(methodTimeout, "methodTimeout");
    }

    /** How long opening the session (connect plus login) may take. */
    public Duration startTimeout() {
        return connectTimeout.plus(methodTimeout);
    }
}
