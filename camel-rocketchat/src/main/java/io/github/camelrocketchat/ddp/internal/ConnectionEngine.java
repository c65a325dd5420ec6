package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.BadFrameKind;
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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDP state machine of one client: sockets, handshake, heartbeat, and the routing of every inbound frame.
 * Every method runs on the connection thread (the {@link Scheduler}); nothing here runs user code: results and
 * events go out through {@link Callbacks}.
 */
public final class ConnectionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEngine.class);
    /** What we offer in {@code connect.support}, in our order of preference. */
    public static final List<String> SUPPORTED_VERSIONS = List.of("1", "pre2", "pre1");
    private static final String PING = DdpCodec.encode(new Ping(null));

    private final DdpClientOptions options;
    private final String name;
    private final TransportFactory factory;
    private final TransportFactory.TransportSettings settings;
    private final Scheduler scheduler;
    private final Callbacks callbacks;
    private final Requests requests;
    private final ListenerRegistry listeners;
    private final BadFrames badFrames;
    private final Consumer<CompletableFuture<String>> attemptEnded;
    private final InboundRouter router;
    /** The socket in use, or null. */
    private Connection current;
    /** True once {@link #shutdown()} ran. */
    private boolean closed;
    /** The session id while connected; written here, read from any thread. */
    private volatile String sessionId;

    /** @param attemptEnded told (on the connection thread) when the socket serving a connect() future ends */
    public ConnectionEngine(DdpClientOptions options, TransportFactory factory, Scheduler scheduler, Callbacks callbacks,
                            ListenerRegistry listeners, BadFrames badFrames,
                            Consumer<CompletableFuture<String>> attemptEnded) {
        this.options = options;
        this.name = options.name();
        this.factory = factory;
        this.settings = new TransportFactory.TransportSettings(options.connectTimeout(), options.maxFrameSize(),
                options.sslContext());
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.requests = new Requests(scheduler, callbacks);
        this.listeners = listeners;
        this.badFrames = badFrames;
        this.attemptEnded = attemptEnded;
        this.router = new InboundRouter(this, requests.calls(), requests.subscriptions(), listeners, callbacks,
                badFrames);
    }

    public String sessionId() {
        return sessionId;
    }

    // ---- lifecycle -------------------------------------------------------------------------------------

    public void open(CompletableFuture<String> attempt) {
        if (closed) {
            callbacks.fail(attempt, new DdpConnectionClosedException("The DDP client is closed"));
            return;
        }
        Connection c = new Connection(attempt, SUPPORTED_VERSIONS.get(0), false);
        c.connectTimer = scheduler.schedule(options.connectTimeout(), () -> connectTimedOut(attempt));
        dial(c);
    }

    private void dial(Connection c) {
        current = c;
        LOG.debug("{}: opening {} (DDP version {})", name, options.url(), c.version);
        CompletableFuture<Transport> f;
        try {
            f = factory.connect(options.url(), settings, new SocketEvents(this, c, scheduler));
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((t, e) -> scheduler.execute(() -> {
            if (e != null) {
                transportFailed(c, "Could not open " + options.url(), e);
            } else {
                opened(c, t);
            }
        }));
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
        sessionId = session;
        c.cancelConnectTimer();
        if (!"pre1".equals(c.version)) {
            c.heartbeat = new Heartbeat(scheduler, options.pingInterval(), options.pingTimeout(), () -> send(c, PING),
                    reason -> end(c, new DdpDisconnect(false, 4000, "heartbeat timeout: " + reason,
                            new DdpTimeoutException(reason)), null, true));
            c.heartbeat.start();
        }
        requests.flush(frame -> send(c, frame));
        LOG.debug("{}: connected, session {}, DDP version {}", name, session, c.version);
        callbacks.complete(c.attempt, session);
        listeners.connected(session);
    }

    void failed(Connection c, String version) {
        if (c.connected) {
            LOG.debug("{}: ignoring 'failed' on a connected socket", name);
            return;
        }
        if (version != null && SUPPORTED_VERSIONS.contains(version) && !c.renegotiated && !version.equals(c.version)) {
            LOG.debug("{}: server asks for DDP version {}; reconnecting with it", name, version);
            current = null;
            if (c.transport != null) {
                c.transport.close(1000, "DDP version renegotiation");
            }
            Connection next = new Connection(c.attempt, version, true);
            next.connectTimer = c.connectTimer;
            dial(next);
            return;
        }
        DdpException e = new DdpException("DDP version negotiation with " + options.url() + " failed: the server wants "
                + (version == null ? "an unnamed version" : "version '" + version + "'") + ", this client proposed '"
                + c.version + "' and supports " + SUPPORTED_VERSIONS);
        end(c, new DdpDisconnect(false, 1000, e.getMessage(), e), e, true);
    }

    private void connectTimedOut(CompletableFuture<String> attempt) {
        Connection c = current;
        if (c == null || c.attempt != attempt || c.connected) {
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
                new DdpConnectionClosedException(why + " before the DDP handshake completed"), false);
    }

    void transportFailed(Connection c, String what, Throwable error) {
        Throwable cause = Errors.unwrap(error);
        String why = what + ": " + Errors.describe(cause);
        end(c, new DdpDisconnect(false, -1, why, cause),
                cause instanceof DdpException de ? de : new DdpException(why, cause), true);
    }

    /** {@code close()} of the client: ends the socket (if any), every call and every subscription. */
    public void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            end(current, new DdpDisconnect(true, 1000, "client closed", null),
                    new DdpConnectionClosedException("The DDP client was closed while connecting"), true);
        }
        requests.failAll("the DDP client was closed", null);
    }

    /**
     * Ends {@code c} if it is still the current socket: fails its connect() future (when not connected yet),
     * every pending call and every subscription, and reports the disconnect (when it was connected).
     */
    private void end(Connection c, DdpDisconnect d, DdpException attemptFailure, boolean closeSocket) {
        if (c != current) {
            return;
        }
        current = null;
        sessionId = null;
        c.stopTimers();
        if (closeSocket && c.transport != null) {
            c.transport.close(d.closeCode() > 0 ? d.closeCode() : 1000, d.requested() ? "client closed" : "");
        }
        attemptEnded.accept(c.attempt);
        if (!c.connected) {
            callbacks.fail(c.attempt, attemptFailure);
        }
        requests.failAll(d.reason(), d.cause());
        if (c.connected) {
            if (d.requested()) {
                LOG.debug("{}: closed", name);
            } else {
                LOG.info("{}: connection to {} lost: {}", name, options.url(), d.reason());
            }
            listeners.disconnected(d);
        }
    }

    // ---- calls and subscriptions --------------------------------------------------------------------------

    public void enqueueCall(PendingCalls.Call call) {
        if (closed) {
            callbacks.fail(call.future(), new DdpConnectionClosedException("The DDP client is closed; '"
                    + call.method() + "' (id " + call.id() + ") was not sent"));
        } else {
            requests.call(call, out());
        }
    }

    public void enqueueSubscription(Subscription s) {
        requests.subscribe(s, closed ? null : out());
        if (closed) {
            requests.failAll("the DDP client is closed", null);
        }
    }

    public void stopSubscription(Subscription s) {
        requests.stop(s, out());
    }

    /** Sends on the current socket when it is connected; null otherwise. */
    private Consumer<String> out() {
        Connection c = current;
        return c != null && c.connected ? frame -> send(c, frame) : null;
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    void frame(Connection c, String text) {
        if (c == current) {
            FrameLog.inbound(name, text);
            if (c.heartbeat != null) {
                c.heartbeat.frameReceived();
            }
            router.frame(c, text);
        }
    }

    void binaryFrame(Connection c, int length) {
        if (c == current) {
            if (c.heartbeat != null) {
                c.heartbeat.frameReceived();
            }
            badFrames.record(BadFrameKind.BINARY, "a binary WebSocket frame of " + length + " bytes (DDP is text only)");
        }
    }

    String name() {
        return name;
    }

    void pong(Connection c, String id) {
        send(c, DdpCodec.encode(new Pong(id)));
    }

    // ---- outbound -----------------------------------------------------------------------------------------

    private void send(Connection c, String frame) {
        if (c.transport == null) {
            // only with a transport that breaks the contract (a frame before onOpen)
            LOG.debug("{}: dropping an outbound frame: the socket has not reported itself open", name);
            return;
        }
        FrameLog.outbound(name, frame);
        CompletableFuture<Void> f;
        try {
            f = c.transport.sendText(frame);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (!f.isDone() || f.isCompletedExceptionally()) {
            // e.g. Tyrus's RejectedExecutionException when its executor is gone: the socket is unusable
            f.whenComplete((v, e) -> {
                if (e != null) {
                    scheduler.execute(() -> transportFailed(c, "Sending a frame failed", e));
                }
            });
        }
    }
}
