package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.transport.Transport;
import io.github.camelrocketchat.ddp.transport.TransportFactory;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the WebSocket of a {@link Connection} and reports the outcome to the engine on the connection thread.
 * {@link #dial} runs on the connection thread; the outcome arrives on a transport thread.
 */
final class Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final DdpClientOptions options;
    private final TransportFactory factory;
    private final TransportFactory.TransportSettings settings;
    private final Scheduler scheduler;
    private final ConnectionEngine engine;
    /** True once the client's close() began; read on transport threads. */
    private final BooleanSupplier closing;

    Dialer(DdpClientOptions options, TransportFactory factory, Scheduler scheduler, ConnectionEngine engine,
           BooleanSupplier closing) {
        this.options = options;
        this.factory = factory;
        this.settings = new TransportFactory.TransportSettings(options.connectTimeout(), options.maxFrameSize(),
                options.sslContext());
        this.scheduler = scheduler;
        this.engine = engine;
        this.closing = closing;
    }

    void dial(Connection c) {
        LOG.debug("{}: opening {} (DDP version {})", options.name(), options.url(), c.version);
        CompletableFuture<Transport> f;
        try {
            f = factory.connect(options.url(), settings, new SocketEvents(engine, c, scheduler));
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((t, e) -> {
            scheduler.execute(() -> {
                if (e != null) {
                    engine.transportFailed(c, "Could not open " + options.url(), e);
                } else {
                    engine.opened(c, t);
                }
            });
            // a closed client's scheduler drops the task above: a socket that opens that late is closed here
            // (closing twice is harmless)
            if (t != null && closing.getAsBoolean()) {
                t.close(1000, "client closed");
            }
        });
    }
}
