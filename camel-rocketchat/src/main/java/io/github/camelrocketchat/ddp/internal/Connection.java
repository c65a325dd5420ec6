package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket: its transport, DDP handshake, {@link io.github.camelrocketchat.ddp.Handshake} phase and heartbeat.
 * Single use (like OkHttp's RealWebSocket): a reconnect opens a new one. Events of a socket that is no longer the
 * engine's current one are ignored, so a stale close or frame from a replaced socket does no harm. Every field is
 * touched on the connection thread only.
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    /** The future that completes with the session id when this socket becomes ready (a connect() future). */
    final CompletableFuture<String> attempt;
    /** The DDP version proposed in {@code connect}. */
    final String version;
    /**
     * The first socket of this connect attempt: itself, or the socket whose {@code failed} made the client open
     * this one with the version the server asked for (then no further renegotiation).
     */
    final Connection origin;
    /** True when the reconnect watchdog opened this socket (its failure is a failed attempt, not a failed connect). */
    final boolean reconnect;
    /** Deadline of the whole attempt (shared by both sockets of a renegotiation); null once connected. */
    Scheduler.Cancellable connectTimer;
    /** Deadline of the handshake phase; null when there is none running. */
    Scheduler.Cancellable handshakeTimer;
    /** Null until the WebSocket is open. */
    Transport transport;
    /** True after {@code connected}. */
    boolean connected;
    /** The session id from {@code connected}. */
    String session;
    /** True after the handshake phase: queued work was sent, listeners told. */
    boolean ready;
    /** Null until connected, and for version {@code pre1} (no heartbeats). */
    Heartbeat heartbeat;

    /** @param origin the first socket of the attempt, null when this is it */
    Connection(CompletableFuture<String> attempt, String version, Connection origin, boolean reconnect) {
        this.attempt = attempt;
        this.version = version;
        this.origin = origin == null ? this : origin;
        this.reconnect = reconnect;
    }

    /**
     * Sends a text frame; a failed send (e.g. Tyrus's RejectedExecutionException when its executor is gone: the
     * socket is unusable) is handed to {@code onFailure}, which may be called on any thread.
     */
    void send(String name, String frame, Consumer<Throwable> onFailure) {
        if (transport == null) {
            // only with a transport that breaks the contract (a frame before onOpen)
            LOG.debug("{}: dropping an outbound frame: the socket has not reported itself open", name);
            return;
        }
        FrameLog.outbound(name, frame);
        CompletableFuture<Void> f;
        try {
            f = transport.sendText(frame);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (!f.isDone() || f.isCompletedExceptionally()) {
            f.whenComplete((v, e) -> {
                if (e != null) {
                    onFailure.accept(e);
                }
            });
        }
    }

    /** Any inbound frame is life for the heartbeat. */
    void frameReceived() {
        if (heartbeat != null) {
            heartbeat.frameReceived();
        }
    }

    void cancelConnectTimer() {
        if (connectTimer != null) {
            connectTimer.cancel();
            connectTimer = null;
        }
    }

    void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
    }

    void stopTimers() {
        cancelConnectTimer();
        cancelHandshakeTimer();
        if (heartbeat != null) {
            heartbeat.stop();
        }
    }
}
