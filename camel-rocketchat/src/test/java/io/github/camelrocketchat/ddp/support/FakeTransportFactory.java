package io.github.camelrocketchat.ddp.support;

import io.github.camelrocketchat.ddp.transport.Transport;
import io.github.camelrocketchat.ddp.transport.TransportFactory;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/** Hands out {@link FakeTransport}s. By default a connect opens at once; see {@link #manualOpen()}. */
public final class FakeTransportFactory implements TransportFactory {
    /** One connect() call. */
    public static final class Dial {
        public final URI uri;
        public final TransportSettings settings;
        final Transport.Listener listener;
        final CompletableFuture<Transport> future = new CompletableFuture<>();
        FakeTransport transport;

        Dial(URI uri, TransportSettings settings, Transport.Listener listener) {
            this.uri = uri;
            this.settings = settings;
            this.listener = listener;
        }

        public FakeTransport open() {
            transport = new FakeTransport(listener);
            listener.onOpen(transport);
            future.complete(transport);
            return transport;
        }

        public void fail(Throwable error) {
            future.completeExceptionally(error);
        }

        public FakeTransport transport() {
            return transport;
        }
    }

    private final Deque<Dial> dials = new ArrayDeque<>();
    private boolean autoOpen = true;
    private int closeCount;

    /** Connects stay pending until the test calls {@link Dial#open()} or {@link Dial#fail}. */
    public FakeTransportFactory manualOpen() {
        autoOpen = false;
        return this;
    }

    /** Connects open at once again (the default). */
    public FakeTransportFactory autoOpen() {
        autoOpen = true;
        return this;
    }

    @Override
    public CompletableFuture<Transport> connect(URI uri, TransportSettings settings, Transport.Listener listener) {
        Dial d = new Dial(uri, settings, listener);
        dials.add(d);
        if (autoOpen) {
            d.open();
        }
        return d.future;
    }

    /** The most recent connect() call, or null. */
    public Dial lastDial() {
        return dials.peekLast();
    }

    public int dialCount() {
        return dials.size();
    }

    @Override
    public void close() {
        closeCount++;
    }

    public int closeCount() {
        return closeCount;
    }
}
