package io.github.camelrocketchat.testserver;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The socket side of a connection, as the server thread sees it. Implementations never block. */
interface Peer {

    void sendText(String text);

    void sendBinary(ByteBuffer data);

    /** Text frames written as one flush (the {@link Firehose}); completes once the socket took the last one. */
    default CompletableFuture<Void> sendBatch(List<String> texts) {
        texts.forEach(this::sendText);
        return CompletableFuture.completedFuture(null);
    }

    /** A proper close handshake with this code. */
    void close(int code, String reason);

    /** Drops the TCP connection without a close frame (a network failure as the client sees it). */
    void abort();

    /** A peer that discards everything: used for method calls that arrive over REST. */
    Peer NONE = new Peer() {
        @Override
        public void sendText(String text) {
        }

        @Override
        public void sendBinary(ByteBuffer data) {
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort() {
        }
    };
}
