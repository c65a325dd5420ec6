package io.github.camelrocketchat.ddp;

import io.github.camelrocketchat.ddp.internal.BadFrames;
import io.github.camelrocketchat.ddp.internal.Callbacks;
import io.github.camelrocketchat.ddp.internal.ClientThreads;
import io.github.camelrocketchat.ddp.internal.ConnectFutures;
import io.github.camelrocketchat.ddp.internal.ConnectionEngine;
import io.github.camelrocketchat.ddp.internal.ListenerRegistry;
import io.github.camelrocketchat.ddp.internal.Logins;
import io.github.camelrocketchat.ddp.internal.PendingCalls;
import io.github.camelrocketchat.ddp.internal.Subscription;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import io.github.camelrocketchat.ddp.transport.TyrusTransportFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A DDP client for one WebSocket connection at a time.
 *
 * <p>Threading: every method may be called from any thread and returns at once. Protocol state lives on
 * the connection thread ({@link Scheduler}); future completions and listener calls run on the callback executor
 * one at a time, in one order (the order the connection thread produced them), never on a socket thread. Do
 * not block inside a callback waiting for another result of the same client: that result is queued behind the
 * blocked callback, so it deadlocks; compose the futures instead.
 *
 * <p>Values: params, results and fields are plain Java values: {@code Map<String,Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Long}/{@code Integer}/{@code Double}, {@code Boolean},
 * null, and the EJSON types {@link java.time.Instant} ({@code $date}), {@code byte[]} ({@code $binary}),
 * {@code Double} NaN/Infinity ({@code $InfNaN}), {@code io.github.camelrocketchat.ddp.protocol.EjsonRegExp}
 * and {@code io.github.camelrocketchat.ddp.protocol.EjsonCustom}. Received values are shared between
 * listeners: treat them as read-only.
 *
 * <p>Calls and subscriptions made before the client is ready are queued and sent once it is (after the
 * {@link Handshake}, if any); they fail when that first connect fails. Without a {@link ReconnectPolicy}, a lost
 * connection fails pending calls with {@link DdpConnectionClosedException} and ends every subscription;
 * {@link #connect()} may then be called again on the same client. With one, the client reconnects by itself:
 * see {@code docs/ddp-client.md} for what is re-sent and what fails.
 */
public final class DdpClient implements AutoCloseable {
    private static final String ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

    /** Where the client is; see {@link #status()}. */
    public enum State {
        /** Not connected and not trying: before {@link #connect()}, after a failed first connect, or after a
         *  loss without {@link ReconnectPolicy}. */
        DISCONNECTED,
        /** The first socket is opening or waiting for {@code connected}. */
        CONNECTING,
        /** {@code connected} arrived; the {@link Handshake} runs. */
        AUTHENTICATING,
        READY,
        /** Lost; waiting for, or opening, the socket of reconnect attempt {@link Status#attempt()}. */
        RECONNECTING,
        /** Stopped reconnecting after {@link ReconnectPolicy#maxAttempts()} failed attempts. */
        GAVE_UP,
        CLOSED
    }

    /**
     * An immutable snapshot for health checks.
     *
     * @param attempt   the reconnect attempt under way (1-based), 0 when none
     * @param lastError the last connection error as text ("SSLHandshakeException: ..."), null when none yet;
     *                  kept after a successful reconnect so one can see why the last loss happened
     */
    public record Status(State state, int attempt, String lastError) {
    }

    private final DdpClientOptions options;
    private final ClientThreads threads;
    private final Scheduler scheduler;
    private final ListenerRegistry listeners;
    private final BadFrames badFrames;
    private final ConnectFutures connectFutures = new ConnectFutures();
    private final ConnectionEngine engine;
    /** Orders task submission against {@link #close()}; guards {@link #closed}. */
    private final Object lock = new Object();
    /** Set once by {@link #close()}; written under {@link #lock}. */
    private volatile boolean closed;

    /** Creates the client (no socket yet: see {@link #connect()}) and, unless the options give them, its threads. */
    public DdpClient(DdpClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.threads = new ClientThreads(options);
        this.scheduler = threads.scheduler();
        Callbacks callbacks = new Callbacks(threads.callbackExecutor());
        this.listeners = new ListenerRegistry(callbacks);
        this.badFrames = new BadFrames(options.name());
        this.engine = new ConnectionEngine(options,
                options.transportFactory() != null ? options.transportFactory() : TyrusTransportFactory.shared(),
                scheduler, callbacks, listeners, badFrames, connectFutures, this::submit);
    }

    public DdpClientOptions options() {
        return options;
    }

    /** Adds a connection listener; close the registration to remove it. */
    public Registration addConnectionListener(DdpConnectionListener listener) {
        return listeners.addConnectionListener(listener);
    }

    /**
     * Opens the socket, performs the DDP handshake and the {@link Handshake} (if any). Completes with the session
     * id once ready; fails with {@link DdpException} on timeout ({@link DdpTimeoutException}), refusal or version
     * mismatch, with the handshake's own error when it failed, with {@link DdpConnectionClosedException} after
     * {@link #close()}. A failed first connect does not start reconnecting. Calling it while connecting or ready
     * returns the same future; while reconnecting, the future of the next ready; after the connection ended for
     * good (no reconnect policy, or given up) it opens a new socket.
     */
    public CompletableFuture<String> connect() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new DdpConnectionClosedException("The DDP client is closed"));
            }
            return connectFutures.currentOrStart(f -> scheduler.execute(() -> engine.open(f)));
        }
    }

    /** True while ready: between the end of the handshake and the end of that socket. */
    public boolean isConnected() {
        return engine.sessionId() != null;
    }

    /** The current session id, or null when not ready. */
    public String sessionId() {
        return engine.sessionId();
    }

    /** Where the client is, which reconnect attempt, and the last error; any thread. */
    public Status status() {
        return engine.status();
    }

    /** Reconnect attempts started since the client was made (a counter for metrics). */
    public long reconnectAttempts() {
        return engine.reconnectAttempts();
    }

    /** Calls {@code method} with the default timeout. The result is null when the server sent none. */
    public CompletableFuture<Object> call(String method, List<?> params) {
        return call(method, params, options.methodTimeout(), CallOptions.DEFAULT);
    }

    /** {@link #call(String, List, Duration, CallOptions)} with {@link CallOptions#DEFAULT}. */
    public CompletableFuture<Object> call(String method, List<?> params, Duration timeout) {
        return call(method, params, timeout, CallOptions.DEFAULT);
    }

    /** A call that is sent again after a reconnect ({@link CallOptions#RESENDABLE}), with the default timeout. */
    public CompletableFuture<Object> callResendable(String method, List<?> params) {
        return call(method, params, options.methodTimeout(), CallOptions.RESENDABLE);
    }

    /**
     * Calls {@code method} (params may be null for none). Fails with {@link DdpMethodException} on an
     * {@code error}, {@link DdpTimeoutException} (naming method and id) after {@code timeout} (counted from this
     * call, across reconnects), {@link DdpConnectionClosedException} when the connection is lost after the frame
     * was sent (unless {@code callOptions} make it resendable) or ends for good first.
     *
     * @throws IllegalArgumentException when a param cannot be sent as EJSON (the message says where)
     */
    public CompletableFuture<Object> call(String method, List<?> params, Duration timeout, CallOptions callOptions) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(callOptions, "callOptions");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be a positive duration, was " + timeout);
        }
        PendingCalls.Call call = PendingCalls.Call.of(engine.nextCallId(), method, params, timeout,
                callOptions.resendable() ? PendingCalls.Kind.RESENDABLE : PendingCalls.Kind.ONCE);
        if (!submit(() -> engine.requests().enqueueCall(call))) {
            return CompletableFuture.failedFuture(new DdpConnectionClosedException("The DDP client is closed; '"
                    + method + "' was not sent"));
        }
        return call.future();
    }

    /**
     * Sends {@code sub} (now, or once ready; again after each reconnect). {@code params} may be null for none,
     * {@code listener} null for no lifecycle callbacks.
     *
     * @throws IllegalArgumentException when a param cannot be sent as EJSON
     */
    public DdpSubscription subscribe(String name, List<?> params, DdpSubscriptionListener listener) {
        Objects.requireNonNull(name, "name");
        List<Object> copy = Collections.unmodifiableList(params == null ? new ArrayList<>() : new ArrayList<>(params));
        String id = randomId();
        String frame = DdpCodec.encode(new DdpMessage.Sub(id, name, copy));
        Subscription s = new Subscription(id, name, copy, frame, listener == null ? DdpSubscriptionListener.NONE
                : listener, sub -> submit(() -> engine.requests().stopSubscription(sub)));
        if (!submit(() -> engine.requests().enqueueSubscription(s))) {
            s.ready().completeExceptionally(new DdpConnectionClosedException("The DDP client is closed"));
            s.stopped().completeExceptionally(new DdpConnectionClosedException("The DDP client is closed"));
        }
        return s;
    }

    /**
     * Receives data messages ({@code added}, {@code changed}, {@code removed}, ...) of {@code collection}, or of every
     * collection when it is null. Data messages do not say which subscription they belong to: a listener of every
     * collection also sees the documents other subscriptions of this connection (and the login) publish.
     */
    public Registration onCollection(String collection, DdpCollectionListener listener) {
        return listeners.onCollection(collection, listener);
    }

    /**
     * Receives stream events of {@code collection} (a {@code stream-*} name) whose eventName equals
     * {@code eventName}; a null {@code eventName} receives every event of the collection. Stream events are
     * not also delivered to collection listeners.
     */
    public Registration onStream(String collection, String eventName, DdpStreamListener listener) {
        return listeners.onStream(collection, eventName, listener);
    }

    /**
     * Calls {@code login} on the current socket (a reconnect forgets it: use a {@link Handshake} to log in on
     * every socket). When the server answers {@code totp-required} for a TOTP code ({@code details.method}
     * {@code totp}) and {@code totpCode} is not null, retries once with the {@code {"totp":{"login":...,"code":...}}}
     * wrapper (the supplier is called on the callback executor); a challenge for an e-mailed code fails as is.
     */
    public CompletableFuture<LoginResult> login(LoginRequest request, Supplier<String> totpCode) {
        return Logins.login(this::call, Objects.requireNonNull(request, "request"), totpCode);
    }

    /** Calls {@code logout}. */
    public CompletableFuture<Void> logout() {
        return call("logout", List.of()).thenApply(r -> null);
    }

    /** How many inbound frames were dropped, by kind (every kind present, zero when none). */
    public Map<BadFrameKind, Long> badFrameCounts() {
        return badFrames.snapshot();
    }

    /**
     * Closes the socket and stops reconnecting (a pending reconnect timer is cancelled; a socket that opens after
     * this is closed at once): pending calls fail with {@link DdpConnectionClosedException}, subscriptions end,
     * connection listeners get {@code onDisconnected} with {@code requested=true} (when ready), threads the
     * client made stop (not the scheduler or executor given in the options). Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            engine.closing();
            scheduler.execute(engine::shutdown);
        }
        threads.close();
    }

    /** Hands a task to the connection thread unless the client is closed (then returns false). */
    private boolean submit(Runnable task) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            scheduler.execute(task);
            return true;
        }
    }

    /** A 17-character Meteor-style random id (for subscriptions). */
    private String randomId() {
        char[] id = new char[17];
        synchronized (options.random()) {
            for (int i = 0; i < id.length; i++) {
                id[i] = ID_ALPHABET.charAt(options.random().nextInt(ID_ALPHABET.length()));
            }
        }
        return new String(id);
    }

    @Override
    public String toString() {
        return "DdpClient[" + options.name() + ", " + options.url() + ", " + status().state() + "]";
    }
}
