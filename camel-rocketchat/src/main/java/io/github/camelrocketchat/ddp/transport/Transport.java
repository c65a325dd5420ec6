package io.github.camelrocketchat.ddp.transport;

import java.util.concurrent.CompletableFuture;

/** One open WebSocket, as the DDP client sees it. Implementations must be thread-safe. */
public interface Transport {

    /** Sends one text frame. The future fails when the socket is gone. */
    CompletableFuture<Void> sendText(String text);

    /** Starts a close handshake (or aborts the socket); the listener's {@code onClose} follows once. Idempotent. */
    void close(int code, String reason);

    /**
     * Socket events. Called on transport threads: implementations must only hand the data over and
     * return at once. After {@code onClose} or {@code onError} nothing else is called.
     */
    interface Listener {
        /**
         * The WebSocket is open. Implementations call it before any other event of this socket, so that a frame
         * arriving right after the upgrade (a server {@code ping}) can already be answered.
         */
        default void onOpen(Transport transport) {
        }

        void onText(String text);

        /** Binary frames are not part of DDP; the client reports and drops them. */
        void onBinary(byte[] data);

        void onClose(int code, String reason);

        void onError(Throwable error);
    }
}
