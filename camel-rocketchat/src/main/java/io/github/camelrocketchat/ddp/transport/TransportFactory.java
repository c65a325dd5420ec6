package io.github.camelrocketchat.ddp.transport;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/** Opens WebSockets. One factory may serve many clients and owns what they share (the Tyrus ClientManager). */
public interface TransportFactory extends AutoCloseable {

    /**
     * Opens a WebSocket to {@code uri} ({@code ws://} or {@code wss://}); the future completes once the
     * upgrade succeeded, or fails after {@code connectTimeout}.
     */
    CompletableFuture<Transport> connect(URI uri, TransportSettings settings, Transport.Listener listener);

    @Override
    void close();

    /**
     * @param connectTimeout upgrade timeout
     * @param maxFrameSize   largest inbound frame in bytes
     * @param sslContext     TLS context for {@code wss://}, null for the JVM default
     */
    record TransportSettings(Duration connectTimeout, int maxFrameSize, SSLContext sslContext) {
    }
}
