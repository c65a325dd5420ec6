package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.Registration;
import io.github.camelrocketchat.ddp.StreamEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares one DDP subscription per (stream, eventName) among all consumers of a session, converts each event
 * once into its body and hands it to every registered sink.
 *
 * <p>Sinks are called on the DDP callback thread and must return at once (consumers enqueue on their own
 * executor). A sink that throws is logged and does not stop the others.
 */
final class StreamFanOut {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFanOut.class);

    private final DdpConnection ddp;
    /** Guarded by {@code this}: touched by consumer start/stop threads. */
    private final Map<Key, Shared> shared = new HashMap<>();

    StreamFanOut(DdpConnection ddp) {
        this.ddp = ddp;
    }

    private record Key(String stream, String eventName) {
    }

    /** The standard stream subscription params: {@code [eventName, {"useCollection":false,"args":[]}]}. */
    static List<Object> streamParams(String eventName) {
        return List.of(eventName, Map.of("useCollection", false, "args", List.of()));
    }

    /** Registers {@code sink} for (stream, eventName), subscribing on the first registration. */
    synchronized StreamRegistration register(String stream, String eventName, SubscriptionSink<StreamDelivery> sink) {
        Key key = new Key(stream, eventName);
        Shared s = shared.get(key);
        if (s == null || s.tracker.hasEnded()) {
            s = new Shared(key);
            shared.put(key, s);
            s.open();
        }
        s.sinks.add(sink);
        return new Handle(s, sink);
    }

    /** Number of DDP subscriptions currently shared (for tests and health details). */
    synchronized int subscriptionCount() {
        return shared.size();
    }

    private synchronized void unregister(Shared s, SubscriptionSink<StreamDelivery> sink) {
        s.sinks.remove(sink);
        if (s.sinks.isEmpty()) {
            shared.remove(s.key, s);
            s.close();
        }
    }

    private final class Shared implements SharedSubscription.Events {
        final Key key;
        final List<SubscriptionSink<StreamDelivery>> sinks = new CopyOnWriteArrayList<>();
        final SharedSubscription tracker = new SharedSubscription(this);
        Registration listener;

        Shared(Key key) {
            this.key = key;
        }

        void open() {
            // listen before subscribing so no event between ready and registration is lost
            listener = ddp.onStream(key.stream(), key.eventName(), this::dispatch);
            tracker.attach(ddp.subscribe(key.stream(), streamParams(key.eventName()), tracker));
        }

        void dispatch(StreamEvent event) {
            StreamDelivery delivery = StreamDelivery.of(event);
            each(sink -> sink.onEvent(delivery));
        }

        @Override
        public void interrupted() {
            each(SubscriptionSink::onInterrupted);
        }

        @Override
        public void resumed() {
            each(SubscriptionSink::onResumed);
        }

        @Override
        public void ended(SessionException error) {
            each(sink -> sink.onEnded(error));
        }

        private void each(java.util.function.Consumer<SubscriptionSink<StreamDelivery>> call) {
            for (SubscriptionSink<StreamDelivery> sink : sinks) {
                try {
                    call.accept(sink);
                } catch (RuntimeException e) {
                    LOG.warn("A consumer of {} {} failed to accept an event: {}", key.stream(), key.eventName(), e.toString(), e);
                }
            }
        }

        void close() {
            listener.close();
            tracker.stop();
        }
    }

    private final class Handle implements StreamRegistration {
        private final Shared shared;
        private final SubscriptionSink<StreamDelivery> sink;
        private final AtomicBoolean closed = new AtomicBoolean();

        Handle(Shared shared, SubscriptionSink<StreamDelivery> sink) {
            this.shared = shared;
            this.sink = sink;
        }

        @Override
        public CompletableFuture<Void> ready() {
            // a copy: a consumer that gives up waiting (and cancels) must not cancel the future its sharers wait on
            return shared.tracker.ready().copy();
        }

        @Override
        public boolean isActive() {
            return !closed.get() && shared.tracker.isActive();
        }

        @Override
        public String describeState() {
            return closed.get() ? "closed" : shared.tracker.state();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                unregister(shared, sink);
            }
        }
    }
}
