package io.github.camelrocketchat.testserver;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jakarta endpoint at {@code /websocket} (public only because Jetty requires it; not API). Jetty threads
 * only hand frames over to the server thread.
 */
public final class DdpEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DdpEndpoint.class);
    static final int MAX_FRAME = 64 * 1024 * 1024;

    private final ServerCore core;
    private final AtomicInteger ids;
    /** Set in onOpen (Jetty thread) before any handler can run. */
    private volatile DdpConnection connection;

    DdpEndpoint(ServerCore core, AtomicInteger ids) {
        this.core = core;
        this.ids = ids;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        if (session instanceof JakartaWebSocketSession jetty) {
            jetty.getCoreSession().setMaxFrameSize(MAX_FRAME);
            jetty.getCoreSession().setMaxTextMessageSize(MAX_FRAME);
        }
        DdpConnection c = new DdpConnection("c" + ids.incrementAndGet(), new JakartaPeer(session), core.recorder);
        connection = c;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text ->
                core.loop.execute(() -> core.protocol.onText(c, text)));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data ->
                core.loop.execute(() -> core.protocol.onBinary(c, data.remaining())));
        core.loop.execute(() -> core.protocol.onOpen(c));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        DdpConnection c = connection;
        if (c != null) {
            core.loop.execute(() -> core.protocol.onClose(c));
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        LOG.debug("websocket error on {}: {}", connection, thr.toString());
    }
}
