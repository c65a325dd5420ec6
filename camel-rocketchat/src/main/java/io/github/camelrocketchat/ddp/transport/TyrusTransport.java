package io.github.camelrocketchat.ddp.transport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tyrus WebSocket session behind the {@link Transport} seam. Tyrus threads call the endpoint methods; they
 * only forward to the {@link Transport.Listener} (which hands over to the connection thread).
 *
 * <p>The frame limit is checked here, on whole messages: a larger one closes the socket with 1009 (message too
 * big). Tyrus's own {@code INCOMING_BUFFER_SIZE} is only the hard cap of its read buffer (see
 * {@link TyrusTransportFactory}).
 */
final class TyrusTransport extends Endpoint implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(TyrusTransport.class);
    /** RFC 6455: a close reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final Transport.Listener listener;
    private final CompletableFuture<Transport> opened;
    private final int maxFrameSize;
    /** Set once by {@link #onOpen}; read by any thread. */
    private volatile Session session;
    /** Set by the first of onClose/onError, so the listener hears about the end once. */
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Tyrus 2.2.2's reason phrase when it closes (1011) a socket whose message outgrew INCOMING_BUFFER_SIZE. */
    static final String TYRUS_BUFFER_OVERFLOW = "Buffer overflow";
    /** Set by the first {@link #close}. */
    private final AtomicBoolean closing = new AtomicBoolean();

    TyrusTransport(Transport.Listener listener, CompletableFuture<Transport> opened, int maxFrameSize) {
        this.listener = listener;
        this.opened = opened;
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public void onOpen(Session s, EndpointConfig config) {
        this.session = s;
        s.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::text);
        s.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
            if (buffer.remaining() > maxFrameSize) {
                tooBig(buffer.remaining());
                return;
            }
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            listener.onBinary(data);
        });
        listener.onOpen(this);
        if (!opened.complete(this)) {
            // the connect already timed out or failed: nobody will use this socket
            close(1000, "connect abandoned");
        }
    }

    private void text(String text) {
        // a char is at most 3 UTF-8 bytes: only long frames need counting
        if (text.length() > maxFrameSize / 3) {
            int bytes = utf8Length(text);
            if (bytes > maxFrameSize) {
                tooBig(bytes);
                return;
            }
        }
        listener.onText(text);
    }

    private void tooBig(int bytes) {
        String reason = "frame of " + bytes + " bytes exceeds maxFrameSize " + maxFrameSize;
        if (ended.compareAndSet(false, true)) {
            listener.onClose(CloseReason.CloseCodes.TOO_BIG.getCode(), reason);
        }
        close(CloseReason.CloseCodes.TOO_BIG.getCode(), reason);
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    @Override
    public void onClose(Session s, CloseReason reason) {
        int code = reason.getCloseCode().getCode();
        String phrase = reason.getReasonPhrase();
        if (code == CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode() && phrase != null
                && phrase.startsWith(TYRUS_BUFFER_OVERFLOW)) {
            // Tyrus closed the socket itself because a message outgrew its read buffer, whose cap is at least
            // maxFrameSize + 14: that message was over maxFrameSize, so say so, as for one we could measure
            code = CloseReason.CloseCodes.TOO_BIG.getCode();
            phrase = "a frame exceeded maxFrameSize " + maxFrameSize + " (Tyrus's read buffer overflowed)";
        }
        if (ended.compareAndSet(false, true)) {
            listener.onClose(code, phrase);
        }
    }

    @Override
    public void onError(Session s, Throwable error) {
        if (ended.compareAndSet(false, true)) {
            listener.onError(error);
        }
        close(1011, "client error");
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        Session s = session;
        CompletableFuture<Void> sent = new CompletableFuture<>();
        if (s == null || !s.isOpen()) {
            sent.completeExceptionally(new IOException("WebSocket is not open"));
            return sent;
        }
        try {
            s.getAsyncRemote().sendText(text, result -> {
                if (result.isOK()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(result.getException());
                }
            });
        } catch (RuntimeException e) {
            // RejectedExecutionException when Tyrus's executor is already gone, IllegalStateException when closed
            sent.completeExceptionally(e);
        }
        return sent;
    }

    /** Our own close is reported to the listener at once; what Tyrus says about the socket afterwards is not. */
    @Override
    public void close(int code, String reason) {
        Session s = session;
        if (s == null || !closing.compareAndSet(false, true)) {
            return;
        }
        String why = truncate(reason);
        // report first: Tyrus's I/O thread may report an error while Session.close runs, and that must not turn
        // a close we asked for into a failure
        if (ended.compareAndSet(false, true)) {
            listener.onClose(code, why);
        }
        try {
            s.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), why));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the WebSocket failed (already gone?): {}", e.toString());
        }
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_REASON_BYTES ? reason
                : new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8).replace("\uFFFD", "");
    }
}
