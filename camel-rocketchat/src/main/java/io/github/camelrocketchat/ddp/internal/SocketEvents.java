package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.transport.Transport;

/**
 * The transport listener of one {@link Connection}: runs on transport threads and only hands each event to the
 * connection thread, in arrival order.
 */
final class SocketEvents implements Transport.Listener {
    private final ConnectionEngine engine;
    private final Connection connection;
    private final Scheduler scheduler;

    SocketEvents(ConnectionEngine engine, Connection connection, Scheduler scheduler) {
        this.engine = engine;
        this.connection = connection;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpen(Transport transport) {
        scheduler.execute(() -> engine.opened(connection, transport));
    }

    @Override
    public void onText(String text) {
        scheduler.execute(() -> engine.frame(connection, text));
    }

    @Override
    public void onBinary(byte[] data) {
        int length = data.length;
        scheduler.execute(() -> engine.binaryFrame(connection, length));
    }

    @Override
    public void onClose(int code, String reason) {
        scheduler.execute(() -> engine.closedByTransport(connection, code, reason));
    }

    @Override
    public void onError(Throwable error) {
        scheduler.execute(() -> engine.transportFailed(connection, "WebSocket failed", error));
    }
}
