package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.Handshake;
import io.github.camelrocketchat.ddp.HandshakeCalls;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpStreamListener;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.Registration;
import io.github.camelrocketchat.ddp.StreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A scripted {@link DdpConnection}: records calls and subscriptions, answers from a responder, and lets a test
 * emit stream events, collection data and disconnects. Everything runs on the caller's thread.
 */
public final class FakeDdpConnection implements DdpConnection {
    /** A recorded method call, completed by the responder (or by the test through {@code future}). */
    public record Call(String method, List<Object> params, Duration timeout, CompletableFuture<Object> future) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<FakeSubscription> subscriptions = new CopyOnWriteArrayList<>();
    public final List<LoginRequest> logins = new CopyOnWriteArrayList<>();
    private final List<DdpConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map.Entry<String, DdpStreamListener>>> streamListeners = new ConcurrentHashMap<>();
    private final Map<String, List<DdpCollectionListener>> collectionListeners = new ConcurrentHashMap<>();
    /** The key of listeners of every collection (the real client's {@code onCollection(null, ...)}). */
    private static final String ANY = "\u0000*";

    /** Answers method calls: return a value, or throw to fail the call. Null return = no result. */
    public volatile Function<Call, Object> responder = call -> null;
    /** When true, subscriptions become ready at once. */
    public volatile boolean autoReady = true;
    /** Subscriptions the server refuses at once (nosub with error-not-allowed), whatever autoReady says. */
    public volatile java.util.function.Predicate<FakeSubscription> refuse = s -> false;
    /** When set, {@link #connect()} fails with it. */
    public volatile RuntimeException connectFailure;
    /** When set, {@link #login} fails with it. */
    public volatile RuntimeException loginFailure;
    /** When set, a resume login (token) fails with it. */
    public volatile RuntimeException resumeFailure;
    public volatile String userId = "uid-bot";
    public volatile boolean connected;
    public volatile boolean closed;
    public volatile int logouts;
    /** The session's login, from the options the factory was given ({@link #use}); null: none. */
    public volatile Handshake handshake;
    /** When true, a password login asks its TOTP supplier for a code (as after {@code totp-required}). */
    public volatile boolean totpRequired;
    /** The codes password logins got from their TOTP supplier (with {@link #totpRequired}). */
    public final List<String> totpCodes = new CopyOnWriteArrayList<>();

    private void askTotp(LoginRequest request, java.util.function.Supplier<String> totpCode) {
        if (totpRequired && totpCode != null && request instanceof LoginRequest.Password) {
            totpCodes.add(totpCode.get());
        }
    }

    /** When the tokens of password logins expire (null: the server does not say). */
    public volatile java.time.Instant tokenExpires;
    /** Logins made on the live socket ({@link #login(LoginRequest, java.util.function.Supplier)}), not by the handshake. */
    public final List<LoginRequest> liveLogins = new CopyOnWriteArrayList<>();
    /** When set, a live login waits for it before it is answered. */
    public volatile CompletableFuture<LoginResult> liveLoginAnswer;
    private final java.util.concurrent.atomic.AtomicInteger passwordLogins = new java.util.concurrent.atomic.AtomicInteger();
    /** Calls made with the resendable flag. */
    public final List<Call> resendableCalls = new CopyOnWriteArrayList<>();
    private volatile DdpClient.State state = DdpClient.State.DISCONNECTED;

    /** Takes what a real client would from its options (the handshake); returns this, for factories. */
    public FakeDdpConnection use(DdpClientOptions options) {
        this.handshake = options.handshake();
        return this;
    }

    /** What {@link #badFrameCounts()} reports (every kind present, as the real client does); tests may change it. */
    public final Map<BadFrameKind, Long> badFrames = new ConcurrentHashMap<>();

    {
        for (BadFrameKind k : BadFrameKind.values()) {
            badFrames.put(k, 0L);
        }
    }

    @Override
    public Registration addConnectionListener(DdpConnectionListener listener) {
        connectionListeners.add(listener);
        return () -> connectionListeners.remove(listener);
    }

    @Override
    public CompletableFuture<String> connect() {
        if (connectFailure != null) {
            return CompletableFuture.failedFuture(connectFailure);
        }
        connected = true;
        return shake(false).thenApply(v -> {
            state = DdpClient.State.READY;
            return "sess-1";
        });
    }

    private CompletableFuture<?> shake(boolean reconnect) {
        if (handshake == null) {
            return CompletableFuture.completedFuture(null);
        }
        return handshake.afterConnected(new HandshakeCalls() {
            @Override
            public String sessionId() {
                return "sess-1";
            }

            @Override
            public boolean reconnect() {
                return reconnect;
            }

            @Override
            public CompletableFuture<Object> call(String method, List<?> params) {
                return FakeDdpConnection.this.call(method, params, Duration.ofSeconds(1));
            }

            @Override
            public CompletableFuture<LoginResult> login(LoginRequest request, java.util.function.Supplier<String> totpCode) {
                askTotp(request, totpCode);
                return FakeDdpConnection.this.login(request);
            }
        });
    }

    @Override
    public CompletableFuture<Object> callResendable(String method, List<?> params, Duration timeout) {
        CompletableFuture<Object> f = call(method, params, timeout);
        resendableCalls.add(calls.get(calls.size() - 1));
        return f;
    }

    @Override
    public DdpClient.Status status() {
        return new DdpClient.Status(state, 0, null);
    }

    @Override
    public boolean isConnected() {
        return connected && !closed;
    }

    @Override
    public String sessionId() {
        return connected ? "sess-1" : null;
    }

    @Override
    public CompletableFuture<Object> call(String method, List<?> params, Duration timeout) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Call call = new Call(method, new ArrayList<>(params), timeout, f);
        calls.add(call);
        try {
            Object result = responder.apply(call);
            if (result != Pending.INSTANCE) {
                f.complete(result);
            }
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Responder result that leaves the call for the test to complete. */
    public enum Pending { INSTANCE }

    /** A method error as the server sends it. */
    public static DdpMethodException error(Object code, String reason, String method) {
        return new DdpMethodException(code, reason, null, reason + " [" + code + "]", method, "1");
    }

    @Override
    public DdpSubscription subscribe(String name, List<?> params, DdpSubscriptionListener listener) {
        FakeSubscription s = new FakeSubscription("sub-" + (subscriptions.size() + 1), name, new ArrayList<>(params), listener);
        subscriptions.add(s);
        if (refuse.test(s)) {
            s.nosub(error("error-not-allowed", "Not allowed", null));
        } else if (autoReady) {
            s.markReady();
        }
        return s;
    }

    @Override
    public Registration onCollection(String collection, DdpCollectionListener listener) {
        String key = collection == null ? ANY : collection;
        collectionListeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> collectionListeners.get(key).remove(listener);
    }

    @Override
    public Registration onStream(String collection, String eventName, DdpStreamListener listener) {
        Map.Entry<String, DdpStreamListener> e = new java.util.AbstractMap.SimpleImmutableEntry<>(eventName, listener);
        streamListeners.computeIfAbsent(collection, k -> new CopyOnWriteArrayList<>()).add(e);
        return () -> streamListeners.get(collection).remove(e);
    }

    public int streamListenerCount() {
        return streamListeners.values().stream().mapToInt(List::size).sum();
    }

    /**
     * What the handshake's login does: records the request, answers with {@link #loginFailure} or a token: a resume
     * gets its own token back, the first password login {@code token-<userId>}, later ones {@code token-<userId>-<n>};
     * every token expires at {@link #tokenExpires}.
     */
    public CompletableFuture<LoginResult> login(LoginRequest request) {
        logins.add(request);
        if (resumeFailure != null && request instanceof LoginRequest.Resume) {
            return CompletableFuture.failedFuture(resumeFailure);
        }
        if (loginFailure != null) {
            return CompletableFuture.failedFuture(loginFailure);
        }
        if (request instanceof LoginRequest.Resume r) {
            return CompletableFuture.completedFuture(new LoginResult(userId, r.token(), tokenExpires, "resume"));
        }
        int n = passwordLogins.incrementAndGet();
        return CompletableFuture.completedFuture(new LoginResult(userId, "token-" + userId + (n == 1 ? "" : "-" + n),
                tokenExpires, "password"));
    }

    /** A login on the live socket (not the handshake's): recorded in {@link #liveLogins} too. */
    @Override
    public CompletableFuture<LoginResult> login(LoginRequest request, java.util.function.Supplier<String> totpCode) {
        liveLogins.add(request);
        askTotp(request, totpCode);
        CompletableFuture<LoginResult> pending = liveLoginAnswer;
        return pending != null ? pending.thenCompose(v -> login(request)) : login(request);
    }

    @Override
    public CompletableFuture<Void> logout() {
        logouts++;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Map<BadFrameKind, Long> badFrameCounts() {
        return Map.copyOf(badFrames);
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
    }

    // ---- driving the fake ----

    /** Emits a stream event as the DDP client would: to listeners of its (collection, eventName) and of the collection. */
    public void emit(StreamEvent event) {
        for (Map.Entry<String, DdpStreamListener> e : streamListeners.getOrDefault(event.collection(), List.of())) {
            if (e.getKey() == null || Objects.equals(e.getKey(), event.eventName())) {
                e.getValue().onEvent(event);
            }
        }
    }

    public void emit(String stream, String eventName, Object... args) {
        emit(new StreamEvent(stream, eventName, List.of(args), "id", null));
    }

    public void added(String collection, String id, Map<String, Object> fields) {
        collectionListenersOf(collection).forEach(l -> l.added(collection, id, fields));
    }

    public void changed(String collection, String id, Map<String, Object> fields, List<String> cleared) {
        collectionListenersOf(collection).forEach(l -> l.changed(collection, id, fields, cleared));
    }

    public void removed(String collection, String id) {
        collectionListenersOf(collection).forEach(l -> l.removed(collection, id));
    }

    /** The connection is lost and the client will reconnect: live subscriptions are interrupted. */
    public void drop(String reason) {
        connected = false;
        state = DdpClient.State.RECONNECTING;
        DdpDisconnect d = new DdpDisconnect(false, 1006, reason, null, true);
        connectionListeners.forEach(l -> l.onDisconnected(d));
        connectionListeners.forEach(l -> l.onReconnecting(1, Duration.ofMillis(100)));
        for (FakeSubscription sub : activeSubscriptions()) {
            if (sub.live) {
                sub.live = false;
                sub.listener.onInterrupted(sub);
            }
        }
    }

    /** The reconnect succeeds: the handshake runs again, subscriptions are re-sent and become ready (autoReady). */
    public CompletableFuture<?> restore() {
        connected = true;
        return shake(true).thenRun(() -> {
            state = DdpClient.State.READY;
            if (autoReady) {
                activeSubscriptions().forEach(FakeSubscription::markReady);
            }
            connectionListeners.forEach(l -> l.onConnected("sess-2"));
        });
    }

    /** The client gives up reconnecting. */
    public void giveUp(String why) {
        state = DdpClient.State.GAVE_UP;
        DdpException e = new io.github.camelrocketchat.ddp.DdpConnectionClosedException(why);
        for (FakeSubscription sub : activeSubscriptions()) {
            sub.end(e);
        }
        connectionListeners.forEach(l -> l.onGaveUp(e));
    }

    private List<DdpCollectionListener> collectionListenersOf(String collection) {
        List<DdpCollectionListener> all = new ArrayList<>(collectionListeners.getOrDefault(collection, List.of()));
        all.addAll(collectionListeners.getOrDefault(ANY, List.of()));
        return all;
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public List<FakeSubscription> activeSubscriptions() {
        return subscriptions.stream().filter(s -> !s.stopped().isDone()).toList();
    }

    /** A subscription the test can make ready or end. */
    public static final class FakeSubscription implements DdpSubscription {
        private final String id;
        private final String name;
        private final List<Object> params;
        private final DdpSubscriptionListener listener;
        /** True between a ready and an interruption. */
        volatile boolean live;
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final CompletableFuture<Void> stopped = new CompletableFuture<>();
        public volatile boolean unsubscribed;

        FakeSubscription(String id, String name, List<Object> params, DdpSubscriptionListener listener) {
            this.id = id;
            this.name = name;
            this.params = params;
            this.listener = listener;
        }

        /** A {@code ready}: the first, or the one after a resubscribe. */
        public void markReady() {
            if (stopped.isDone() || live) {
                return;
            }
            live = true;
            ready.complete(null);
            listener.onReady(this);
        }

        @Override
        public boolean isReady() {
            return live && !stopped.isDone();
        }

        void end(DdpException error) {
            live = false;
            ready.completeExceptionally(error);
            stopped.completeExceptionally(error);
            listener.onStopped(this, error);
        }

        /** The server ends it: nosub with or without an error. */
        public void nosub(DdpException error) {
            live = false;
            if (error != null) {
                ready.completeExceptionally(error);
                stopped.completeExceptionally(error);
            } else {
                ready.completeExceptionally(new DdpException("the server ended subscription " + id));
                stopped.complete(null);
            }
            listener.onStopped(this, error);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Object> params() {
            return params;
        }

        @Override
        public CompletableFuture<Void> ready() {
            return ready;
        }

        @Override
        public CompletableFuture<Void> stopped() {
            return stopped;
        }

        @Override
        public void stop() {
            if (!stopped.isDone()) {
                unsubscribed = true;
                stopped.complete(null);
                listener.onStopped(this, null);
            }
        }
    }
}
