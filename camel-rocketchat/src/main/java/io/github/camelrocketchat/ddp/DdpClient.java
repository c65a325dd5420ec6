package io.github.camelrocketchat.ddp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A DDP client for one WebSocket connection (API contract; implementation lands with issue #2).
 *
 * <p>Threading: every method may be called from any thread and returns at once. Protocol state lives on
 * the connection thread ({@link Scheduler}); futures and listeners complete on the callback executor,
 * never on a socket thread.
 *
 * <p>Values: params, results and fields are plain Java values: {@code Map<String,Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Long}/{@code Integer}/{@code Double}, {@code Boolean},
 * null, and the EJSON types {@link java.time.Instant} ({@code $date}), {@code byte[]} ({@code $binary}),
 * {@code Double} NaN/Infinity ({@code $InfNaN}), {@code io.github.camelrocketchat.ddp.protocol.EjsonRegExp}
 * and {@code io.github.camelrocketchat.ddp.protocol.EjsonCustom}.
 */
public final class DdpClient implements AutoCloseable {
    private final DdpClientOptions options;

    public DdpClient(DdpClientOptions options) {
        this.options = options;
    }

    public DdpClientOptions options() {
        return options;
    }

    /** Adds a connection listener; close the registration to remove it. */
    public Registration addConnectionListener(DdpConnectionListener listener) {
        throw new UnsupportedOperationException("issue #2");
    }

    /**
     * Opens the socket and performs the handshake. Completes with the session id on {@code connected};
     * fails with {@link DdpException} on timeout, refusal or version mismatch. Calling it while connecting
     * or connected returns the same future.
     */
    public CompletableFuture<String> connect() {
        throw new UnsupportedOperationException("issue #2");
    }

    /** True between {@code connected} and the end of that socket. */
    public boolean isConnected() {
        throw new UnsupportedOperationException("issue #2");
    }

    /** The current session id, or null when not connected. */
    public String sessionId() {
        throw new UnsupportedOperationException("issue #2");
    }

    /** Calls {@code method} with the default timeout. The result is null when the server sent none. */
    public CompletableFuture<Object> call(String method, List<?> params) {
        return call(method, params, options.methodTimeout());
    }

    /**
     * Calls {@code method}. Fails with {@link DdpMethodException} on an {@code error},
     * {@link DdpTimeoutException} (naming method and id) after {@code timeout},
     * {@link DdpConnectionClosedException} when the connection ends first.
     */
    public CompletableFuture<Object> call(String method, List<?> params, Duration timeout) {
        throw new UnsupportedOperationException("issue #2");
    }

    /** Sends {@code sub}. */
    public DdpSubscription subscribe(String name, List<?> params, DdpSubscriptionListener listener) {
        throw new UnsupportedOperationException("issue #2");
    }

    /** Receives data messages of {@code collection}. */
    public Registration onCollection(String collection, DdpCollectionListener listener) {
        throw new UnsupportedOperationException("issue #2");
    }

    /**
     * Receives stream events of {@code collection} (a {@code stream-*} name) whose eventName equals
     * {@code eventName}; a null {@code eventName} receives every event of the collection.
     */
    public Registration onStream(String collection, String eventName, DdpStreamListener listener) {
        throw new UnsupportedOperationException("issue #2");
    }

    /**
     * Calls {@code login}. When the server answers {@code totp-required} and {@code totpCode} is not null,
     * retries once with the {@code {"totp":{"login":...,"code":...}}} wrapper.
     */
    public CompletableFuture<LoginResult> login(LoginRequest request, Supplier<String> totpCode) {
        throw new UnsupportedOperationException("issue #2");
    }

    /** Calls {@code logout}. */
    public CompletableFuture<Void> logout() {
        throw new UnsupportedOperationException("issue #2");
    }

    /**
     * Closes the socket: pending calls fail with {@link DdpConnectionClosedException}, subscriptions end,
     * owned threads stop. Idempotent.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("issue #2");
    }
}
