package io.github.camelrocketchat.testserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Peer} on a Jetty jakarta WebSocket session; sends are asynchronous so a stalled client never blocks the server thread. */
final class JakartaPeer implements Peer {

    private static final Logger LOG = LoggerFactory.getLogger(JakartaPeer.class);

    private final Session session;

    JakartaPeer(Session session) {
        this.session = session;
    }

    @Override
    public void sendText(String text) {
        if (!session.isOpen()) {
            return;
        }
        session.getAsyncRemote().sendText(text, result -> {
            if (!result.isOK()) {
                LOG.debug("text frame not delivered to {}: {}", session.getId(), result.getException().toString());
            }
        });
    }

    /**
     * Batching on while the frames are queued, one flush at the end: Jetty then gathers them into few socket writes.
     * Only the benchmark firehose uses it, from its own thread; the server thread never waits on it.
     */
    @Override
    public CompletableFuture<Void> sendBatch(List<String> texts) {
        CompletableFuture<Void> last = new CompletableFuture<>();
        if (!session.isOpen() || texts.isEmpty()) {
            last.complete(null);
            return last;
        }
        var remote = session.getAsyncRemote();
        try {
            remote.setBatchingAllowed(true);
            for (int i = 0; i < texts.size(); i++) {
                boolean isLast = i == texts.size() - 1;
                remote.sendText(texts.get(i), result -> {
                    if (!result.isOK()) {
                        last.completeExceptionally(result.getException());
                    } else if (isLast) {
                        last.complete(null);
                    }
                });
            }
            remote.flushBatch();
            remote.setBatchingAllowed(false);
        } catch (IOException | RuntimeException e) {
            last.completeExceptionally(e);
        }
        return last;
    }

    @Override
    public void sendBinary(ByteBuffer data) {
        if (session.isOpen()) {
            session.getAsyncRemote().sendBinary(data, result -> {
                if (!result.isOK()) {
                    LOG.debug("binary frame not delivered to {}", session.getId());
                }
            });
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException e) {
            LOG.debug("close of {} failed: {}", session.getId(), e.toString());
        }
    }

    @Override
    public void abort() {
        if (session instanceof JakartaWebSocketSession jetty) {
            jetty.abort();
        } else {
            close(1006, "abort");
        }
    }
}
