package io.github.camelrocketchat.ddp;

/**
 * Why a connection ended.
 *
 * @param requested true when {@link DdpClient#close()} ended it
 * @param closeCode the WebSocket close code, or -1 when the socket failed without one
 * @param reason    a human-readable reason (e.g. "no frame received for 35 s after ping")
 * @param cause     the underlying failure, or null
 */
public record DdpDisconnect(boolean requested, int closeCode, String reason, Throwable cause) {
}
