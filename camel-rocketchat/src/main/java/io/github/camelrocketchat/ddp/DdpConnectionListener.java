package io.github.camelrocketchat.ddp;

import java.time.Duration;

/**
 * Connection lifecycle events. Called on the callback executor, in order with future completions, never on a
 * socket or the connection thread, never concurrently for one client.
 *
 * <p>A life with reconnects reads: {@code onConnected}, {@code onDisconnected(willReconnect=true)},
 * {@code onReconnecting(1, d)}, [{@code onReconnecting(2, d)} ...], {@code onConnected}, ... and ends with
 * {@code onDisconnected(requested=true)} after {@link DdpClient#close()} or with {@code onGaveUp}.
 */
public interface DdpConnectionListener {
    /**
     * The client is ready on a new socket: {@code connected} arrived, the {@link Handshake} (if any) succeeded,
     * live subscriptions and queued calls were sent. Called after the first connect and after each reconnect.
     */
    default void onConnected(String sessionId) {
    }

    /**
     * A ready connection ended. {@code disconnect.requested()} is true after {@link DdpClient#close()};
     * otherwise it was lost (peer close, network error, heartbeat timeout, failed send) and {@code cause} says
     * why; {@code disconnect.willReconnect()} tells whether a reconnect follows.
     */
    default void onDisconnected(DdpDisconnect disconnect) {
    }

    /** Reconnect attempt {@code attempt} (1-based, since the last ready) starts after {@code delay}. */
    default void onReconnecting(int attempt, Duration delay) {
    }

    /**
     * The client stopped reconnecting after {@link ReconnectPolicy#maxAttempts()} failed attempts: pending calls
     * failed, subscriptions ended, both with {@code error}, a {@link DdpConnectionClosedException} whose message
     * gives the number of attempts and whose cause is the last attempt's error. {@link DdpClient#connect()} may
     * be called again.
     */
    default void onGaveUp(DdpException error) {
    }
}
