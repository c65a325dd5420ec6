package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows when a socket becomes ready or ends: the connect() futures, the requests, the listeners, the
 * status, and the hand-over to the reconnect watchdog or the give-up. The engine decides WHEN (it owns the
 * sockets); this class decides WHAT. Connection thread only.
 */
final class ConnectionLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);

    private final String name;
    private final String url;
    private final Requests requests;
    private final ListenerRegistry listeners;
    private final Callbacks callbacks;
    private final ConnectFutures connectFutures;
    private final Reconnector reconnector;
    private final StatusBoard status;
    /** Opens a reconnect socket whose ready completes the given future. */
    private final Consumer<CompletableFuture<String>> redial;

    ConnectionLifecycle(DdpClientOptions options, Requests requests, ListenerRegistry listeners, Callbacks callbacks,
                        ConnectFutures connectFutures, Reconnector reconnector, StatusBoard status,
                        Consumer<CompletableFuture<String>> redial) {
        this.name = options.name();
        this.url = options.url().toString();
        this.requests = requests;
        this.listeners = listeners;
        this.callbacks = callbacks;
        this.connectFutures = connectFutures;
        this.reconnector = reconnector;
        this.status = status;
        this.redial = redial;
    }

    /** {@code c} got {@code connected} and its handshake succeeded (or there is none). */
    void ready(Connection c, Consumer<String> out) {
        c.ready = true;
        requests.flush(out);
        reconnector.succeeded();
        status.set(DdpClient.State.READY, 0);
        LOG.debug("{}: ready, session {}", name, c.session);
        callbacks.complete(c.attempt, c.session);
        listeners.connected(c.session);
    }

    /**
     * {@code c} ended (it is detached already). With the watchdog armed and no close under way, a reconnect
     * follows: calls that may not be repeated fail, the rest waits; otherwise its connect() future (when not
     * ready), every call and every subscription fail. The disconnect is reported when {@code c} was ready.
     *
     * @param failure  what the connect() future of a socket that never became ready fails with
     * @param closing  true once the client's close() began
     */
    void ended(Connection c, DdpDisconnect d, Throwable failure, boolean closing) {
        Throwable error = c.ready ? (d.cause() != null ? d.cause() : new DdpConnectionClosedException(d.reason()))
                : failure;
        status.error(error);
        if (!d.requested() && !closing && reconnector.armed()) {
            requests.interrupt(d.reason(), d.cause());
            CompletableFuture<String> next = c.attempt;
            if (c.ready) {
                LOG.info("{}: connection to {} lost: {}", name, url, d.reason());
                listeners.disconnected(d.withWillReconnect(true));
                next = connectFutures.renew();
            }
            reconnectLater(next, error);
            return;
        }
        connectFutures.ended(c.attempt);
        if (!c.ready) {
            callbacks.fail(c.attempt, failure);
        }
        requests.failAll(d.reason(), d.cause());
        status.set(d.requested() ? DdpClient.State.CLOSED : DdpClient.State.DISCONNECTED, 0);
        if (c.ready) {
            if (d.requested()) {
                LOG.debug("{}: closed", name);
            } else {
                LOG.info("{}: connection to {} lost: {}", name, url, d.reason());
            }
            listeners.disconnected(d);
        }
    }

    /** Schedules the next attempt, whose ready completes {@code next}, or gives up. */
    private void reconnectLater(CompletableFuture<String> next, Throwable lastError) {
        if (reconnector.schedule(() -> redial.accept(next), Errors.text(lastError))) {
            status.set(DdpClient.State.RECONNECTING, reconnector.attempt());
            return;
        }
        int attempts = reconnector.attempt();
        String why = "gave up reconnecting to " + url + " after " + attempts + " attempt(s); last error: "
                + Errors.text(lastError);
        DdpConnectionClosedException e = new DdpConnectionClosedException("The DDP client " + why, lastError);
        LOG.warn("{}: {}", name, why);
        connectFutures.ended(next);
        callbacks.fail(next, e);
        requests.failAll(why, lastError);
        status.set(DdpClient.State.GAVE_UP, attempts);
        listeners.gaveUp(e);
    }

    /** close(), after the current socket (if any) ended: no more reconnects, nothing left waiting. */
    void shutdown() {
        reconnector.cancel();
        CompletableFuture<String> waiting = connectFutures.clear();
        if (waiting != null) {
            callbacks.fail(waiting, new DdpConnectionClosedException("The DDP client was closed while reconnecting"));
        }
        requests.failAll("the DDP client was closed", null);
        status.set(DdpClient.State.CLOSED, 0);
    }
}
