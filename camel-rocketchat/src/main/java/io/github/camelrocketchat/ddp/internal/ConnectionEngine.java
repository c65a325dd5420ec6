package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import io.github.camelrocketchat.ddp.protocol.DdpMessage.*;
import io.github.camelrocketchat.ddp.transport.Transport;
import io.github.camelrocketchat.ddp.transport.TransportFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDP state machine of one client: sockets, the DDP handshake, heartbeat, the routing of every inbound frame,
 * and what happens when a socket becomes ready or ends. Runs on the connection thread (the {@link Scheduler})
 * except where a method says otherwise; nothing here runs user code: results and events go out through
 * {@link Callbacks}. The reconnect watchdog ({@link Reconnector}) and the handshake step ({@link HandshakePhase})
 * sit beside it.
 */
public final class ConnectionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEngine.class);
    /** What we offer in {@code connect.support}, in our order of preference. */
    public static final List<String> SUPPORTED_VERSIONS = List.of("1", "pre2", "pre1");
    private static final String PING = DdpCodec.encode(new Ping(null));

    private final DdpClientOptions options;
    private final String name;
    private final Dialer dialer;
    private final Scheduler scheduler;
    private final boolean retryRateLimitedSubscriptions;
    private final Callbacks callbacks;
    private final Requests requests;
    private final ListenerRegistry listeners;
    private final BadFrames badFrames;
    private final InboundRouter router;
    private final HandshakePhase handshake;
    private final Reconnector reconnector;
    private final ConnectionLifecycle lifecycle;
    private final StatusBoard status = new StatusBoard();
    /** Method call ids ("1", "2", ...); any thread. */
    private final AtomicLong lastCallId = new AtomicLong();
    /** The socket in use (opening, handshaking or ready), or null. */
    private Connection current;
    /** True once {@link #shutdown()} ran. */
    private boolean closed;
    /** Set by {@link #closing()} on the thread calling close(), before the shutdown task runs. */
    private volatile boolean closing;
    /** The session id while ready; written here, read from any thread. */
    private volatile String sessionId;

    /** @param submit the client's submit (refuses tasks once the client is closed), for the handshake's calls */
    public ConnectionEngine(DdpClientOptions options, TransportFactory factory, Scheduler scheduler, Callbacks callbacks,
                            ListenerRegistry listeners, BadFrames badFrames, ConnectFutures connectFutures,
                            Predicate<Runnable> submit) {
        this.options = options;
        this.name = options.name();
        this.dialer = new Dialer(options, factory, scheduler, this, () -> closing);
        this.scheduler = scheduler;
        this.retryRateLimitedSubscriptions = options.retryRateLimitedSubscriptions();
        this.callbacks = callbacks;
        this.requests = new Requests(scheduler, callbacks, this::out);
        this.listeners = listeners;
        this.badFrames = badFrames;
        this.router = new InboundRouter(this, requests.calls(), requests.subscriptions(), listeners, callbacks,
                badFrames);
        this.handshake = new HandshakePhase(this, options, scheduler, callbacks, submit);
        this.reconnector = new Reconnector(name, scheduler, options.reconnect(), options.random(), listeners);
        this.lifecycle = new ConnectionLifecycle(options, requests, listeners, callbacks, connectFutures, reconnector,
                status, this::reconnectNow);
    }

    /** The user's calls and subscriptions; their methods run on the connection thread. */
    public Requests requests() {
        return requests;
    }

    /** This and the next three: any thread. */
    public String sessionId() {
        return sessionId;
    }

    public String nextCallId() {
        return Long.toString(lastCallId.incrementAndGet());
    }

    public DdpClient.Status status() {
        return status.get();
    }

    public long reconnectAttempts() {
        return reconnector.total();
    }

    /** {@code connect()} with nothing connected or trying to be. */
    public void open(CompletableFuture<String> attempt) {
        if (closed) {
            callbacks.fail(attempt, new DdpConnectionClosedException("The DDP client is closed"));
            return;
        }
        status.set(DdpClient.State.CONNECTING, 0);
        start(attempt, false);
    }

    private void start(CompletableFuture<String> attempt, boolean reconnect) {
        Connection c = new Connection(attempt, SUPPORTED_VERSIONS.get(0), null, reconnect);
        c.connectTimer = scheduler.schedule(options.connectTimeout(), () -> connectTimedOut(c));
        current = c;
        dialer.dial(c);
    }

    void opened(Connection c, Transport t) {
        if (c != current) {
            t.close(1000, "superseded");
        } else if (c.transport == null) {
            c.transport = t;
            send(c, DdpCodec.encode(new Connect(c.version, SUPPORTED_VERSIONS)));
        }
    }

    void connected(Connection c, String session) {
        if (c.connected) {
            LOG.debug("{}: ignoring a second 'connected'", name);
            return;
        }
        c.connected = true;
        c.session = session;
        c.cancelConnectTimer();
        if (!"pre1".equals(c.version)) {
            c.heartbeat = new Heartbeat(scheduler, options.pingInterval(), options.pingTimeout(), () -> send(c, PING),
                    reason -> end(c, new DdpDisconnect(false, 4000, "heartbeat timeout: " + reason,
                            new DdpTimeoutException(reason)), new DdpTimeoutException(reason), true));
            c.heartbeat.start();
        }
        LOG.debug("{}: connected, session {}, DDP version {}", name, session, c.version);
        if (handshake.configured()) {
            status.set(DdpClient.State.AUTHENTICATING, reconnector.attempt());
            handshake.start(c);
        } else {
            ready(c);
        }
    }

    void handshakeDone(Connection c) {
        if (c == current && !c.ready) {
            c.cancelHandshakeTimer();
            ready(c);
        }
    }

    void handshakeFailed(Connection c, Throwable error) {
        if (c == current && !c.ready) {
            String why = "handshake failed: " + Errors.describe(error);
            end(c, new DdpDisconnect(false, 1000, why, error), error, true);
        }
    }

    private void ready(Connection c) {
        sessionId = c.session;
        lifecycle.ready(c, frame -> send(c, frame));
    }

    void failed(Connection c, String version) {
        if (c.connected) {
            LOG.debug("{}: ignoring 'failed' on a connected socket", name);
            return;
        }
        if (version != null && SUPPORTED_VERSIONS.contains(version) && c.origin == c && !version.equals(c.version)) {
            LOG.debug("{}: server asks for DDP version {}; reconnecting with it", name, version);
            current = null;
            if (c.transport != null) {
                c.transport.close(1000, "DDP version renegotiation");
            }
            Connection next = new Connection(c.attempt, version, c, c.reconnect);
            next.connectTimer = c.connectTimer;
            current = next;
            dialer.dial(next);
            return;
        }
        DdpException e = new DdpException("DDP version negotiation with " + options.url() + " failed: the server wants "
                + (version == null ? "an unnamed version" : "version '" + version + "'") + ", this client proposed '"
                + c.version + "' and supports " + SUPPORTED_VERSIONS);
        end(c, new DdpDisconnect(false, 1000, e.getMessage(), e), e, true);
    }

    /** @param first the first socket of the attempt whose deadline passed (a renegotiated one inherits it) */
    private void connectTimedOut(Connection first) {
        Connection c = current;
        if (c == null || c.connected || c.origin != first) {
            return;
        }
        DdpTimeoutException e = new DdpTimeoutException("Connecting to " + options.url() + " timed out after "
                + Durations.human(options.connectTimeout())
                + (c.transport == null ? " (the WebSocket did not open)" : " (no 'connected' from the server)"));
        end(c, new DdpDisconnect(false, -1, e.getMessage(), e), e, true);
    }

    void closedByTransport(Connection c, int code, String reason) {
        String why = "WebSocket closed (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")";
        end(c, new DdpDisconnect(false, code, why, null),
                new DdpConnectionClosedException(why + " before the client was ready"), false);
    }

    void transportFailed(Connection c, String what, Throwable error) {
        Throwable cause = Errors.unwrap(error);
        String why = what + ": " + Errors.describe(cause);
        end(c, new DdpDisconnect(false, -1, why, cause),
                cause instanceof DdpException de ? de : new DdpException(why, cause), true);
    }

    /** Called by close() on the caller's thread, before {@link #shutdown()} is submitted. */
    public void closing() {
        closing = true;
    }

    /** {@code close()} of the client: no more reconnects; ends the socket, every call and every subscription. */
    public void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        requests.close();
        if (current != null) {
            end(current, new DdpDisconnect(true, 1000, "client closed", null),
                    new DdpConnectionClosedException("The DDP client was closed while connecting"), true);
        }
        lifecycle.shutdown();
    }

    /**
     * Ends {@code c} if it is still the current socket, so that several triggers of one loss (heartbeat timeout,
     * transport close, failed send) act once; then {@link ConnectionLifecycle#ended} decides what follows.
     *
     * @param failure what the connect() future of a socket that never became ready fails with
     */
    private void end(Connection c, DdpDisconnect d, Throwable failure, boolean closeSocket) {
        if (c != current) {
            return;
        }
        current = null;
        sessionId = null;
        c.stopTimers();
        if (closeSocket && c.transport != null) {
            c.transport.close(d.closeCode() > 0 ? d.closeCode() : 1000, d.requested() ? "client closed" : "");
        }
        lifecycle.ended(c, d, failure, closing);
    }

    private void reconnectNow(CompletableFuture<String> next) {
        if (!closed && current == null) {
            status.set(DdpClient.State.RECONNECTING, reconnector.attempt());
            start(next, true);
        }
    }

    /** A handshake's call: sent at once on its own socket, or failed when that socket is gone. */
    void handshakeCall(Connection c, PendingCalls.Call call) {
        if (closed || c != current) {
            callbacks.fail(call.future(), new DdpConnectionClosedException("The connection of this handshake is gone; '"
                    + call.method() + "' (id " + call.id() + ") was not sent"));
        } else {
            requests.call(call, frame -> send(c, frame));
        }
    }

    /** See {@link Requests#retryLater}. */
    boolean retrySubscriptionLater(String id, java.time.Duration wait) {
        return retryRateLimitedSubscriptions && requests.retryLater(id, wait);
    }

    /** Sends on the current socket when it is ready; null otherwise (the work waits for the next ready). */
    Consumer<String> out() {
        Connection c = current;
        return c != null && c.ready ? frame -> send(c, frame) : null;
    }

    void frame(Connection c, InboundFrame frame) {
        if (c == current) {
            FrameLog.inbound(name, frame.text());
            c.frameReceived();
            router.frame(c, frame);
        }
    }

    void binaryFrame(Connection c, int length) {
        if (c == current) {
            c.frameReceived();
            badFrames.record(BadFrameKind.BINARY, "a binary WebSocket frame of " + length + " bytes (DDP is text only)");
        }
    }

    String name() {
        return name;
    }

    void pong(Connection c, String id) {
        send(c, DdpCodec.encode(new Pong(id)));
    }

    private void send(Connection c, String frame) {
        c.send(name, frame, e -> scheduler.execute(() -> transportFailed(c, "Sending a frame failed", e)));
    }
}
