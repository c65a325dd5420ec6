package io.github.camelrocketchat.ddp.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The future {@code connect()} hands out: the one of the socket being opened, of the ready socket, or, while
 * reconnecting, of the next ready socket. Null when nothing is connected or trying to be, so the next
 * {@code connect()} starts afresh. Any thread (own monitor); the engine changes it on the connection thread.
 */
public final class ConnectFutures {
    /** Guarded by this. */
    private CompletableFuture<String> current;

    /**
     * The current future; when there is none, a new one, handed to {@code start} under this monitor so that two
     * racing callers never both start a socket.
     */
    public synchronized CompletableFuture<String> currentOrStart(Consumer<CompletableFuture<String>> start) {
        if (current == null) {
            current = new CompletableFuture<>();
            start.accept(current);
        }
        return current;
    }

    /** A ready socket was lost and a reconnect follows: connect() now returns the future of the next ready. */
    synchronized CompletableFuture<String> renew() {
        current = new CompletableFuture<>();
        return current;
    }

    /** The attempt behind {@code f} is over for good (failed, gave up, closed). */
    synchronized void ended(CompletableFuture<String> f) {
        if (current == f) {
            current = null;
        }
    }

    /** close(): forgets and returns the current future, or null. */
    synchronized CompletableFuture<String> clear() {
        CompletableFuture<String> f = current;
        current = null;
        return f;
    }
}
