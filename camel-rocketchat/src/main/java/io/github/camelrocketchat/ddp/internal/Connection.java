package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.transport.Transport;
import java.util.concurrent.CompletableFuture;

/**
 * One socket of a {@code connect()} attempt: its transport, handshake and heartbeat. Events of a socket that is
 * no longer the engine's current one are ignored, so a stale close from a replaced socket does no harm.
 * Every field is touched on the connection thread only.
 */
final class Connection {
    /** The user-facing {@code connect()} future this socket serves. */
    final CompletableFuture<String> attempt;
    /** The DDP version proposed in {@code connect}. */
    final String version;
    /** True for the second socket of an attempt, opened after {@code failed}: no further renegotiation. */
    final boolean renegotiated;
    /** Deadline of the whole attempt (shared by both sockets of a renegotiation); null once connected. */
    Scheduler.Cancellable connectTimer;
    /** Null until the WebSocket is open. */
    Transport transport;
    /** True after {@code connected}. */
    boolean connected;
    /** Null until connected, and for version {@code pre1} (no heartbeats). */
    Heartbeat heartbeat;

    Connection(CompletableFuture<String> attempt, String version, boolean renegotiated) {
        this.attempt = attempt;
        this.version = version;
        this.renegotiated = renegotiated;
    }

    void cancelConnectTimer() {
        if (connectTimer != null) {
            connectTimer.cancel();
            connectTimer = null;
        }
    }

    void stopTimers() {
        cancelConnectTimer();
        if (heartbeat != null) {
            heartbeat.stop();
        }
    }
}
