package io.github.camelrocketchat.ddp;

/**
 * Why a ready connection ended.
 *
 * @param requested     true when {@link DdpClient#close()} ended it
 * @param closeCode     the WebSocket close code, or -1 when the socket failed without one
 * @param reason        a human-readable reason (e.g. "no frame received for 35 s after ping")
 * @param cause         the underlying failure, or null
 * @param willReconnect true when the client's {@link ReconnectPolicy} has scheduled a reconnect: calls not yet
 *                      sent and subscriptions wait for it; false when the loss is final
 */
public record DdpDisconnect(boolean requested, int closeCode, String reason, Throwable cause, boolean willReconnect) {

    /** A disconnect after which no reconnect follows. */
    public DdpDisconnect(boolean requested, int closeCode, String reason, Throwable cause) {
        this(requested, closeCode, reason, cause, false);
    }

    public DdpDisconnect withWillReconnect(boolean value) {
        return new DdpDisconnect(requested, closeCode, reason, cause, value);
    }
}
