package io.github.camelrocketchat.ddp.transport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A tiny Jetty 12 (ee10, jakarta) WebSocket server on 127.0.0.1 and a random port, serving {@code /websocket}.
 * It records what it receives and lets the test answer; it is not a Rocket.Chat emulator.
 */
final class LoopbackServer implements AutoCloseable {
    /** Largest frame the server accepts (the tests send 1 MB). */
    static final int SERVER_MAX_FRAME = 8 * 1024 * 1024;

    private final Server server = new Server();
    private final ServerSide endpoint = new ServerSide();
    private final URI uri;

    /** Receives (session, text) for every inbound text frame, on a Jetty thread. */
    private volatile BiConsumer<Session, String> onText = (s, t) -> { };

    LoopbackServer() throws Exception {
        this(null, null);
    }

    /** With a PKCS#12 key store: a TLS server ({@code wss://}). */
    LoopbackServer(java.nio.file.Path keyStore, String password) throws Exception {
        ServerConnector connector;
        if (keyStore == null) {
            connector = new ServerConnector(server);
        } else {
            org.eclipse.jetty.util.ssl.SslContextFactory.Server tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            tls.setKeyStorePath(keyStore.toString());
            tls.setKeyStorePassword(password);
            tls.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, tls);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        server.setHandler(context);
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxTextMessageBufferSize(SERVER_MAX_FRAME);
            container.addEndpoint(ServerEndpointConfig.Builder.create(ServerSide.class, "/websocket")
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> type) {
                            return type.cast(endpoint);
                        }
                    }).build());
        });
        server.start();
        uri = URI.create((keyStore == null ? "ws" : "wss") + "://127.0.0.1:" + connector.getLocalPort() + "/websocket");
    }

    URI uri() {
        return uri;
    }

    /** The http:// form of the server URL (the client appends /websocket). */
    String httpUrl() {
        return ("wss".equals(uri.getScheme()) ? "https" : "http") + "://127.0.0.1:" + uri.getPort();
    }

    void onText(BiConsumer<Session, String> handler) {
        this.onText = handler;
    }

    BlockingQueue<String> received() {
        return endpoint.received;
    }

    /** The server side of the latest connection, once open. */
    Session session() throws Exception {
        return endpoint.opened.get(10, TimeUnit.SECONDS);
    }

    /** How the latest connection was closed, as seen by the server. */
    CloseReason closeReason() throws Exception {
        return endpoint.closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The server endpoint (public: Jetty introspects it). One instance serves the test's connection. */
    public final class ServerSide extends Endpoint {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        volatile CompletableFuture<Session> opened = new CompletableFuture<>();
        volatile CompletableFuture<CloseReason> closed = new CompletableFuture<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(SERVER_MAX_FRAME);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                received.add(text);
                onText.accept(session, text);
            });
            if (opened.isDone()) {
                opened = new CompletableFuture<>();
                closed = new CompletableFuture<>();
            }
            opened.complete(session);
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            closed.complete(closeReason);
        }
    }
}
