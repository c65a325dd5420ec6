package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.transport.Transport;

/**
 * The transport listener of one {@link Connection}. A text frame is decoded here, on the transport's thread (decoding
 * is pure, and this way it runs in parallel with the connection thread handling the previous frames), then every
 * event goes to the connection thread in arrival order, in batches: one hand-off for however many frames arrived
 * meanwhile, at most {@value #BATCH} per turn so that the connection's timers (pings, call timeouts) still run under
 * a flood.
 */
final class SocketEvents implements Transport.Listener {
    static final int BATCH = 256;

    private final ConnectionEngine engine;
    private final Connection connection;
    private final SerialExecutor toConnectionThread;

    SocketEvents(ConnectionEngine engine, Connection connection, Scheduler scheduler) {
        this.engine = engine;
        this.connection = connection;
        // a closed scheduler drops the drain (and says so at DEBUG): the connection is gone with it
        this.toConnectionThread = new SerialExecutor(scheduler::execute, dropped -> { }, BATCH);
    }

    @Override
    public void onOpen(Transport transport) {
        toConnectionThread.execute(() -> engine.opened(connection, transport));
    }

    @Override
    public void onText(String text) {
        InboundFrame frame = InboundFrame.decode(text);
        toConnectionThread.execute(() -> engine.frame(connection, frame));
    }

    @Override
    public void onBinary(byte[] data) {
        int length = data.length;
        toConnectionThread.execute(() -> engine.binaryFrame(connection, length));
    }

    @Override
    public void onClose(int code, String reason) {
        toConnectionThread.execute(() -> engine.closedByTransport(connection, code, reason));
    }

    @Override
    public void onError(Throwable error) {
        toConnectionThread.execute(() -> engine.transportFailed(connection, "WebSocket failed", error));
    }
}
