package io.github.camelrocketchat.ddp.support;

import io.github.camelrocketchat.ddp.transport.Transport;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An in-memory socket: records what the client sends and lets the test play the server. Test thread only. */
public final class FakeTransport implements Transport {
    private final Transport.Listener listener;
    private final Deque<String> unread = new ArrayDeque<>();
    private final List<String> allSent = new ArrayList<>();
    private Throwable failSendsWith;
    private boolean closed;
    private int closeCode = -1;
    private String closeReason;

    FakeTransport(Transport.Listener listener) {
        this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        if (failSendsWith != null) {
            return CompletableFuture.failedFuture(failSendsWith);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("closed"));
        }
        unread.add(text);
        allSent.add(text);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close(int code, String reason) {
        if (!closed) {
            closed = true;
            closeCode = code;
            closeReason = reason;
            listener.onClose(code, reason);
        }
    }

    /** The server sends a text frame (the client handles it on the next runPending()). */
    public void receive(String frame) {
        listener.onText(frame);
    }

    public void receiveBinary(byte[] data) {
        listener.onBinary(data);
    }

    /** The peer closes the socket. */
    public void peerClose(int code, String reason) {
        closed = true;
        listener.onClose(code, reason);
    }

    public void fail(Throwable error) {
        closed = true;
        listener.onError(error);
    }

    /** Later sends fail with {@code error} (like Tyrus's RejectedExecutionException). */
    public void failSendsWith(Throwable error) {
        this.failSendsWith = error;
    }

    /** The oldest frame the client sent that the test has not read yet, or null. */
    public String pollSent() {
        return unread.poll();
    }

    public List<String> allSent() {
        return allSent;
    }

    public boolean isClosed() {
        return closed;
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }
}
