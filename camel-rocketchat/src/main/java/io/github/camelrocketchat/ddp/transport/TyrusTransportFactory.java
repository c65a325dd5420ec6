package io.github.camelrocketchat.ddp.transport;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens WebSockets with Tyrus (the only place, with {@link TyrusTransport}, that knows Tyrus). One long-lived
 * {@link ClientManager} per factory: creating one per connection leaves Tyrus executors that shut down under a
 * live socket. Per-connection settings (handshake timeout, frame limit, TLS) are Tyrus client properties,
 * which Tyrus copies when a connect starts, so they are set and the connect started under one lock.
 *
 * <p>Thread-safe. {@link #shared()} serves every client that has no factory of its own and is never closed.
 */
public final class TyrusTransportFactory implements TransportFactory {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** See {@link #readBufferCap(int)}. */
    static final int MIN_READ_BUFFER_CAP = 4 * 1024 * 1024;

    private final ClientManager manager = ClientManager.createClient();
    /** Waits for handshakes (Tyrus only offers a blocking Future); threads end after a minute idle. */
    private final ExecutorService handshakeWaiters = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "ddp-tyrus-connect-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    /** Set by {@link #close()}. */
    private volatile boolean closed;

    /** A factory of its own (close it when done); most users want {@link #shared()}. */
    public TyrusTransportFactory() {
        // the ClientManager and the handshake pool are created with the fields
    }

    private static final class Shared {
        static final TyrusTransportFactory INSTANCE = new TyrusTransportFactory();
    }

    /** The process-wide factory used when {@code DdpClientOptions} names none. */
    public static TyrusTransportFactory shared() {
        return Shared.INSTANCE;
    }

    @Override
    public CompletableFuture<Transport> connect(URI uri, TransportSettings settings, Transport.Listener listener) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("This transport factory is closed"));
        }
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Not a WebSocket URI: " + uri));
        }
        CompletableFuture<Transport> opened = new CompletableFuture<>();
        TyrusTransport transport = new TyrusTransport(listener, opened, settings.maxFrameSize());
        Future<Session> handshake;
        try {
            synchronized (manager) {
                configure(manager.getProperties(), settings);
                handshake = startHandshake(transport, uri);
            }
        } catch (DeploymentException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        handshakeWaiters.execute(() -> await(uri, handshake, opened, settings.connectTimeout()));
        return opened;
    }

    /**
     * Tyrus shuts its executor down when the last connection of the manager ends and makes a new one lazily; a
     * connect racing with that shutdown gets a RejectedExecutionException from the dying executor. The next
     * attempt gets a fresh executor, so one retry is enough.
     */
    private Future<Session> startHandshake(TyrusTransport transport, URI uri) throws DeploymentException {
        try {
            return manager.asyncConnectToServer(transport, ClientEndpointConfig.Builder.create().build(), uri);
        } catch (RejectedExecutionException e) {
            return manager.asyncConnectToServer(transport, ClientEndpointConfig.Builder.create().build(), uri);
        }
    }

    private static void configure(Map<String, Object> p, TransportSettings settings) {
        p.put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
        p.put(ClientProperties.INCOMING_BUFFER_SIZE, readBufferCap(settings.maxFrameSize()));
        SSLContext ssl = settings.sslContext();
        if (ssl != null) {
            p.put(ClientProperties.SSL_ENGINE_CONFIGURATOR, new SslEngineConfigurator(ssl, true, false, false));
        } else {
            p.remove(ClientProperties.SSL_ENGINE_CONFIGURATOR);
        }
    }

    /**
     * Tyrus's INCOMING_BUFFER_SIZE caps its read buffer. Tyrus 2.2.2 closes the socket (1011) when buffered data
     * grows past it, but when a single network read is already larger it throws into Grizzly and the socket
     * silently stops reading (seen with a 64 KiB cap and 100 KB frames). Reads are bounded by the socket
     * receive buffer, so a cap of at least {@link #MIN_READ_BUFFER_CAP} avoids that path; {@link TyrusTransport}
     * enforces the exact maxFrameSize on whole messages.
     */
    static int readBufferCap(int maxFrameSize) {
        // 14 bytes: the largest WebSocket frame header
        return (int) Math.min(Integer.MAX_VALUE, Math.max((long) maxFrameSize + 14, MIN_READ_BUFFER_CAP));
    }

    private static void await(URI uri, Future<Session> handshake, CompletableFuture<Transport> opened, Duration timeout) {
        try {
            // Tyrus enforces HANDSHAKE_TIMEOUT itself; the extra second only guards against it hanging
            handshake.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            opened.completeExceptionally(e.getCause() != null ? e.getCause() : e);
        } catch (TimeoutException e) {
            handshake.cancel(true);
            opened.completeExceptionally(new TimeoutException("WebSocket upgrade to " + uri + " timed out after "
                    + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opened.completeExceptionally(e);
        }
    }

    /** Stops the handshake threads and Tyrus's executors; open sockets are not closed. Idempotent. */
    @Override
    public void close() {
        if (this == shared()) {
            return;
        }
        closed = true;
        handshakeWaiters.shutdown();
        manager.shutdown();
    }
}
