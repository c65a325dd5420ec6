package io.github.camelrocketchat.interop;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import io.github.camelrocketchat.ddp.transport.Transport;
import io.github.camelrocketchat.ddp.transport.TransportFactory;
import io.github.camelrocketchat.ddp.transport.TyrusTransportFactory;

/**
 * The real Tyrus transport behind a slow uplink: the client's frames leave in order, but none before the server's
 * first {@code ping} has arrived. Against ddp-streamer (ping 30 ms after open) the {@code ping} then reaches the
 * client before {@code connected}, as it does for a client on a slow network (reference A.3, G.3).
 */
final class SlowUplink implements TransportFactory {

    private final TransportFactory delegate = TyrusTransportFactory.shared();

    @Override
    public CompletableFuture<Transport> connect(URI uri, TransportSettings settings, Transport.Listener listener) {
        CompletableFuture<Void> pingReceived = new CompletableFuture<>();
        Delayed[] delayed = new Delayed[1];
        Transport.Listener spy = new Transport.Listener() {
            @Override
            public void onOpen(Transport transport) {
                delayed[0] = new Delayed(transport, pingReceived);
                listener.onOpen(delayed[0]);
            }

            @Override
            public void onText(String text) {
                listener.onText(text);
                if (text.startsWith("{\"msg\":\"ping\"")) {
                    pingReceived.complete(null);
                }
            }

            @Override
            public void onBinary(byte[] data) {
                listener.onBinary(data);
            }

            @Override
            public void onClose(int code, String reason) {
                pingReceived.complete(null);
                listener.onClose(code, reason);
            }

            @Override
            public void onError(Throwable error) {
                pingReceived.complete(null);
                listener.onError(error);
            }
        };
        return delegate.connect(uri, settings, spy).thenApply(t -> delayed[0]);
    }

    @Override
    public void close() {
        // the shared Tyrus factory outlives this test helper
    }

    /** Queues every outbound frame behind the previous one and behind the first inbound ping. */
    private static final class Delayed implements Transport {
        private final Transport transport;
        /** The last queued send; replaced under the monitor by whichever thread sends next. */
        private CompletableFuture<Void> tail;

        Delayed(Transport transport, CompletableFuture<Void> pingReceived) {
            this.transport = transport;
            this.tail = pingReceived;
        }

        @Override
        public synchronized CompletableFuture<Void> sendText(String text) {
            tail = tail.thenCompose(v -> transport.sendText(text));
            return tail;
        }

        @Override
        public void close(int code, String reason) {
            transport.close(code, reason);
        }
    }
}
