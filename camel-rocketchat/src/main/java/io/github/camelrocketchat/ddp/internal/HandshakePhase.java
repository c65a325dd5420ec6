package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.ddp.Handshake;
import io.github.camelrocketchat.ddp.HandshakeCalls;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The step between {@code connected} and ready: runs the user's {@link Handshake} on the callback side (in order
 * with the other callbacks, never on the connection thread) and reports its outcome back to the connection thread.
 * The engine sends nothing else on the socket meanwhile. {@link #start} runs on the connection thread.
 */
final class HandshakePhase {
    private final ConnectionEngine engine;
    private final Scheduler scheduler;
    private final Callbacks callbacks;
    private final Handshake hook;
    private final Duration timeout;
    private final Duration methodTimeout;
    /** The client's submit: hands a task to the connection thread unless the client is closed (then false). */
    private final Predicate<Runnable> submit;

    HandshakePhase(ConnectionEngine engine, DdpClientOptions options, Scheduler scheduler, Callbacks callbacks,
                   Predicate<Runnable> submit) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.hook = options.handshake();
        this.timeout = options.handshakeTimeout();
        this.methodTimeout = options.methodTimeout();
        this.submit = submit;
    }

    /** False when the client has no handshake (then it is ready at {@code connected}). */
    boolean configured() {
        return hook != null;
    }

    /** {@code c} just got {@code connected}. */
    void start(Connection c) {
        c.handshakeTimer = scheduler.schedule(timeout, () -> engine.handshakeFailed(c, new DdpTimeoutException(
                "The handshake on session " + c.session + " did not complete within " + Durations.human(timeout))));
        SocketCalls calls = new SocketCalls(c, c.session, c.reconnect);
        callbacks.deliver(() -> run(c, calls));
    }

    /** On the callback side. */
    private void run(Connection c, SocketCalls calls) {
        CompletableFuture<?> f;
        try {
            f = hook.afterConnected(calls);
            if (f == null) {
                f = CompletableFuture.failedFuture(new IllegalStateException("The handshake returned no future"));
            }
        } catch (RuntimeException | Error e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((v, e) -> submit.test(() -> {
            if (e == null) {
                engine.handshakeDone(c);
            } else {
                engine.handshakeFailed(c, Errors.unwrap(e));
            }
        }));
    }

    /** The calls of one socket's handshake; any thread. */
    private final class SocketCalls implements HandshakeCalls {
        private final Connection connection;
        private final String sessionId;
        private final boolean reconnect;

        SocketCalls(Connection connection, String sessionId, boolean reconnect) {
            this.connection = connection;
            this.sessionId = sessionId;
            this.reconnect = reconnect;
        }

        @Override
        public String sessionId() {
            return sessionId;
        }

        @Override
        public boolean reconnect() {
            return reconnect;
        }

        @Override
        public CompletableFuture<Object> call(String method, List<?> params) {
            PendingCalls.Call call = PendingCalls.Call.of(engine.nextCallId(), method, params, methodTimeout,
                    PendingCalls.Kind.HANDSHAKE);
            if (!submit.test(() -> engine.handshakeCall(connection, call))) {
                return CompletableFuture.failedFuture(new DdpConnectionClosedException("The DDP client is closed; '"
                        + method + "' was not sent"));
            }
            return call.future();
        }

        @Override
        public CompletableFuture<LoginResult> login(LoginRequest request, Supplier<String> totpCode) {
            return Logins.login(this::call, request, totpCode);
        }

        @Override
        public String toString() {
            return "HandshakeCalls[session=" + sessionId + (reconnect ? ", reconnect" : "") + "]";
        }
    }
}
