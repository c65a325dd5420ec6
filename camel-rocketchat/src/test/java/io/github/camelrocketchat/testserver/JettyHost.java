package io.github.camelrocketchat.testserver;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.server.ServerEndpointConfig;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty 12 (ee10) on 127.0.0.1: the jakarta WebSocket endpoint at {@code /websocket} and the REST servlet at
 * {@code /api/*} on one port. Can refuse requests (all, or WebSocket upgrades only) with 503 while the test asks it
 * to.
 */
final class JettyHost {

    private final ServerCore core;
    private final AtomicInteger connectionIds = new AtomicInteger();
    /** Read by Jetty threads, written by the facade. */
    private volatile boolean refusing;
    /** Refuse until this server-clock time (epoch ms); read by Jetty threads. */
    private volatile long refuseUntil;
    /** Requests still to refuse (count-based refusal); Jetty threads decrement it. */
    private final AtomicInteger refuseCount = new AtomicInteger();
    /** WebSocket upgrade requests still to refuse; plain HTTP requests pass. Jetty threads decrement it. */
    private final AtomicInteger refuseUpgradeCount = new AtomicInteger();
    /** WebSocket upgrade requests answered 503 so far, whatever the reason (survives restarts). */
    private final AtomicInteger refusedUpgrades = new AtomicInteger();
    /** Started/stopped by the facade under its lock. */
    private Server server;
    private int port;

    JettyHost(ServerCore core) {
        this.core = core;
    }

    void start(int requestedPort) throws Exception {
        Server s = new Server();
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        connector.setReuseAddress(true);
        s.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new RestServlet(core)), "/api/*");
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxTextMessageBufferSize(DdpEndpoint.MAX_FRAME);
            container.setDefaultMaxBinaryMessageBufferSize(DdpEndpoint.MAX_FRAME);
            container.setDefaultMaxSessionIdleTimeout(0);
            for (String path : new String[] {"/websocket", "/websocket/"}) {
                container.addEndpoint(ServerEndpointConfig.Builder.create(DdpEndpoint.class, path)
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            public <T> T getEndpointInstance(Class<T> endpointClass) {
                                return endpointClass.cast(new DdpEndpoint(core, connectionIds));
                            }
                        }).build());
            }
        });
        s.setHandler(new Handler.Wrapper(context) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
                if (refusing || core.clock.millis() < refuseUntil || takeOne(refuseCount)
                        || (upgrade && takeOne(refuseUpgradeCount))) {
                    if (upgrade) {
                        refusedUpgrades.incrementAndGet();
                    }
                    Response.writeError(request, response, callback, 503);
                    return true;
                }
                return super.handle(request, response, callback);
            }
        });
        s.start();
        server = s;
        port = connector.getLocalPort();
    }

    int port() {
        return port;
    }

    void setRefusing(boolean refusing) {
        this.refusing = refusing;
    }

    void refuseUntil(long epochMillis) {
        this.refuseUntil = epochMillis;
    }

    void refuseNext(int requests) {
        refuseCount.set(requests);
    }

    void refuseNextUpgrades(int upgrades) {
        refuseUpgradeCount.set(upgrades);
    }

    int refusedUpgrades() {
        return refusedUpgrades.get();
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
