package io.github.camelrocketchat.ddp;

import io.github.camelrocketchat.ddp.internal.BadFrames;
import io.github.camelrocketchat.ddp.internal.Callbacks;
import io.github.camelrocketchat.ddp.internal.ConnectionEngine;
import io.github.camelrocketchat.ddp.internal.DefaultScheduler;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A DDP client for one WebSocket connection at a time.
 *
 * <p>Threading: every method may be called from any thread and returns at once. Protocol state lives on
 * the connection thread ({@link Scheduler}); futures complete on the callback executor and listeners are
 * called through it one at a time, in frame order, never on a socket thread. Do not block inside a callback
 * waiting for another result of the same client: with the default single callback thread that deadlocks;
 * compose the futures instead.
 *
 * <p>Values: params, results and fields are plain Java values: {@code Map<String,Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Long}/{@code Integer}/{@code Double}, {@code Boolean},
 * null, and the EJSON types {@link java.time.Instant} ({@code $date}), {@code byte[]} ({@code $binary}),
 * {@code Double} NaN/Infinity ({@code $InfNaN}), {@code io.github.camelrocketchat.ddp.protocol.EjsonRegExp}
 * and {@code io.github.camelrocketchat.ddp.protocol.EjsonCustom}. Received values are shared between
 * listeners: treat them as read-only.
 *
 * <p>Calls and subscriptions made before {@code connected} are queued and sent once connected; they fail when
 * that connect attempt fails. When a connection ends, pending calls fail with
 * {@link DdpConnectionClosedException} and every subscription ends; {@link #connect()} may then be called
 * again on the same client.
 */
public final class DdpClient implements AutoCloseable {
    private static final String ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

    private final DdpClientOptions options;
    private final Scheduler scheduler;
    /** Non-null when the client made its scheduler (and so must close it). */
    private final DefaultScheduler ownedScheduler;
    /** Non-null when the client made its callback thread (and so must stop it). */
    private final ExecutorService ownedCallbackExecutor;
    /** That thread, once started; lets close() avoid waiting for itself when a listener calls it. */
    private volatile Thread ownedCallbackThread;
    private final ListenerRegistry listeners;
    private final BadFrames badFrames;
    private final ConnectionEngine engine;
    private final AtomicLong lastCallId = new AtomicLong();
    /** Guards {@link #attempt} and {@link #closed}, and orders task submission against {@link #close()}. */
    private final Object lock = new Object();
    /** The connect() future of the live socket, or null when there is none. Guarded by {@link #lock}. */
    private CompletableFuture<String> attempt;
    /** Set once by {@link #close()}; written under {@link #lock}. */
    private volatile boolean closed;

    /** Creates the client (no socket yet: see {@link #connect()}) and, unless the options give them, its threads. */
    public DdpClient(DdpClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        if (options.scheduler() != null) {
            this.scheduler = options.scheduler();
            this.ownedScheduler = null;
        } else {
            this.ownedScheduler = new DefaultScheduler(options.name());
            this.scheduler = ownedScheduler;
        }
        if (options.callbackExecutor() != null) {
            this.ownedCallbackExecutor = null;
        } else {
            this.ownedCallbackExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, options.name() + "-callbacks");
                t.setDaemon(true);
                ownedCallbackThread = t;
                return t;
            });
        }
        Callbacks callbacks = new Callbacks(options.callbackExecutor() != null ? options.callbackExecutor()
                : ownedCallbackExecutor);
        this.listeners = new ListenerRegistry(callbacks);
        this.badFrames = new BadFrames(options.name());
        this.engine = new ConnectionEngine(options,
                options.transportFactory() != null ? options.transportFactory() : TyrusTransportFactory.shared(),
                scheduler, callbacks, listeners, badFrames, this::attemptEnded);
    }

    public DdpClientOptions options() {
        return options;
    }

    /** Adds a connection listener; close the registration to remove it. */
    public Registration addConnectionListener(DdpConnectionListener listener) {
        return listeners.addConnectionListener(listener);
    }

    /**
     * Opens the socket and performs the handshake. Completes with the session id on {@code connected};
     * fails with {@link DdpException} on timeout ({@link DdpTimeoutException}), refusal or version mismatch,
     * with {@link DdpConnectionClosedException} after {@link #close()}. Calling it while connecting or
     * connected returns the same future; after the connection ended it opens a new socket.
     */
    public CompletableFuture<String> connect() {
        CompletableFuture<String> f = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new DdpConnectionClosedException("The DDP client is closed"));
            }
            if (attempt != null) {
                return attempt;
            }
            attempt = f;
            scheduler.execute(() -> engine.open(f));
        }
        return f;
    }

    private void attemptEnded(CompletableFuture<String> ended) {
        synchronized (lock) {
            if (attempt == ended) {
                attempt = null;
            }
        }
    }

    /** True between {@code connected} and the end of that socket. */
    public boolean isConnected() {
        return engine.sessionId() != null;
    }

    /** The current session id, or null when not connected. */
    public String sessionId() {
        return engine.sessionId();
    }

    /** Calls {@code method} with the default timeout. The result is null when the server sent none. */
    public CompletableFuture<Object> call(String method, List<?> params) {
        return call(method, params, options.methodTimeout());
    }

    /**
     * Calls {@code method} (params may be null for none). Fails with {@link DdpMethodException} on an
     * {@code error}, {@link DdpTimeoutException} (naming method and id) after {@code timeout},
     * {@link DdpConnectionClosedException} when the connection ends first.
     *
     * @throws IllegalArgumentException when a param cannot be sent as EJSON (the message says where)
     */
    public CompletableFuture<Object> call(String method, List<?> params, Duration timeout) {
        Objects.requireNonNull(method, "method");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be a positive duration, was " + timeout);
        }
        String id = Long.toString(lastCallId.incrementAndGet());
        String frame = DdpCodec.encode(new DdpMessage.Method(id, method, params == null ? List.of() : params));
        CompletableFuture<Object> future = new CompletableFuture<>();
        PendingCalls.Call call = new PendingCalls.Call(id, method, frame, timeout, future);
        if (!submit(() -> engine.enqueueCall(call))) {
            return CompletableFuture.failedFuture(new DdpConnectionClosedException("The DDP client is closed; '"
                    + method + "' was not sent"));
        }
        return future;
    }

    /**
     * Sends {@code sub} (now, or once connected). {@code params} may be null for none, {@code listener} null
     * for no lifecycle callbacks.
     *
     * @throws IllegalArgumentException when a param cannot be sent as EJSON
     */
    public DdpSubscription subscribe(String name, List<?> params, DdpSubscriptionListener listener) {
        Objects.requireNonNull(name, "name");
        List<Object> copy = Collections.unmodifiableList(params == null ? new ArrayList<>() : new ArrayList<>(params));
        String id = randomId();
        String frame = DdpCodec.encode(new DdpMessage.Sub(id, name, copy));
        Subscription s = new Subscription(id, name, copy, frame, listener == null ? DdpSubscriptionListener.NONE
                : listener, sub -> submit(() -> engine.stopSubscription(sub)));
        if (!submit(() -> engine.enqueueSubscription(s))) {
            s.ready().completeExceptionally(new DdpConnectionClosedException("The DDP client is closed"));
            s.stopped().completeExceptionally(new DdpConnectionClosedException("The DDP client is closed"));
        }
        return s;
    }

    /** Receives data messages of {@code collection}. */
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
     * Calls {@code login}. When the server answers {@code totp-required} and {@code totpCode} is not null,
     * retries once with the {@code {"totp":{"login":...,"code":...}}} wrapper (the supplier is called on the
     * callback executor).
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
     * Closes the socket: pending calls fail with {@link DdpConnectionClosedException}, subscriptions end,
     * connection listeners get {@code onDisconnected} with {@code requested=true}, threads the client made
     * stop (not the scheduler or executor given in the options). Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            scheduler.execute(engine::shutdown);
        }
        if (ownedScheduler != null) {
            ownedScheduler.close();
            if (!ownedScheduler.inSchedulerThread()) {
                ownedScheduler.awaitTermination(Duration.ofSeconds(5));
            }
        }
        if (ownedCallbackExecutor != null) {
            // already submitted callbacks (the failures close() just caused) still run
            ownedCallbackExecutor.shutdown();
            if (Thread.currentThread() != ownedCallbackThread) {
                try {
                    ownedCallbackExecutor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
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
        return "DdpClient[" + options.name() + ", " + options.url() + (isConnected() ? ", connected" : "") + "]";
    }
}
