package io.github.camelrocketchat.ddp;

/**
 * Connection lifecycle events. Called on the callback executor, never on a socket thread, never
 * concurrently for one client.
 */
public interface DdpConnectionListener {
    /** The server answered {@code connected}; {@code sessionId} is its session. */
    default void onConnected(String sessionId) {
    }

    /**
     * The connection ended. {@code disconnect.requested()} is true after {@link DdpClient#close()};
     * otherwise it was lost (peer close, network error, heartbeat timeout) and {@code cause} says why.
     */
    default void onDisconnected(DdpDisconnect disconnect) {
    }
}
