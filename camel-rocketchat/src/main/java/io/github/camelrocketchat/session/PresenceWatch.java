package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import io.github.camelrocketchat.ddp.Registration;
import io.github.camelrocketchat.ddp.StreamEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code stream-user-presence} for all consumers of a session. The server keeps one "carrier" subscription per
 * connection: the first {@code sub} gets {@code ready} and stays, every later one only edits the watched user
 * ids ({@code ["", {"added":[...], "removed":[...]}]}) and is answered with a {@code nosub} without error.
 * Events carry the user id; each consumer receives the users it asked for.
 */
final class PresenceWatch implements SharedSubscription.Events {
    static final String STREAM = "stream-user-presence";
    private static final Logger LOG = LoggerFactory.getLogger(PresenceWatch.class);

    private final DdpConnection ddp;
    /** Guarded by {@code this}. */
    private final List<Sink> sinks = new CopyOnWriteArrayList<>();
    /** Guarded by {@code this}: the carrier subscription, null while nobody watches. */
    private SharedSubscription carrier;
    /** Guarded by {@code this}. */
    private Registration listener;
    /** Guarded by {@code this}: the user ids the carrier's own {@code sub} frame names (what a resubscribe restores). */
    private List<String> carrierIds = List.of();
    /** Guarded by {@code this}: edit subscriptions a server kept open (ended with the carrier). */
    private final List<DdpSubscription> edits = new ArrayList<>();

    PresenceWatch(DdpConnection ddp) {
        this.ddp = ddp;
    }

    private record Sink(Set<String> userIds, SubscriptionSink<StreamDelivery> target) {
    }

    static List<Object> params(List<String> added, List<String> removed) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("added", List.copyOf(added));
        change.put("removed", List.copyOf(removed));
        return List.of("", change);
    }

    synchronized StreamRegistration register(List<String> userIds, SubscriptionSink<StreamDelivery> target) {
        Set<String> before = watched();
        Sink sink = new Sink(java.util.Collections.unmodifiableSet(new LinkedHashSet<>(userIds)), target);
        sinks.add(sink);
        CompletableFuture<Void> ready;
        if (carrier == null || carrier.hasEnded()) {
            // a carrier the server ended leaves its listener behind: close it, or every event would arrive twice
            if (listener != null) {
                listener.close();
            }
            listener = ddp.onStream(STREAM, null, this::dispatch);
            carrier = new SharedSubscription(this);
            carrierIds = List.copyOf(watched());
            carrier.attach(ddp.subscribe(STREAM, params(carrierIds, List.of()), carrier));
            ready = carrier.ready();
        } else {
            List<String> added = new ArrayList<>(sink.userIds());
            added.removeAll(before);
            ready = added.isEmpty() ? carrier.ready() : edit(added, List.of());
        }
        SharedSubscription tracker = carrier;
        return new Handle(sink, ready, tracker);
    }

    /** Sends an edit sub; completes when the server ended it ({@code nosub}) or, on a server that keeps it, on ready. */
    private CompletableFuture<Void> edit(List<String> added, List<String> removed) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        DdpSubscription sub = ddp.subscribe(STREAM, params(added, removed), new DdpSubscriptionListener() {
            @Override
            public void onReady(DdpSubscription s) {
                done.complete(null);
            }

            @Override
            public void onStopped(DdpSubscription s, io.github.camelrocketchat.ddp.DdpException error) {
                if (error == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(error);
                }
            }
        });
        sub.ready().thenRun(() -> keep(sub));
        return done;
    }

    private synchronized void keep(DdpSubscription sub) {
        if (carrier != null) {
            edits.add(sub);
        } else {
            sub.stop();
        }
    }

    private Set<String> watched() {
        Set<String> all = new LinkedHashSet<>();
        for (Sink s : sinks) {
            all.addAll(s.userIds());
        }
        return all;
    }

    private synchronized void unregister(Sink sink) {
        if (!sinks.remove(sink)) {
            return;
        }
        if (sinks.isEmpty()) {
            listener.close();
            carrier.stop();
            edits.forEach(DdpSubscription::stop);
            edits.clear();
            carrier = null;
            listener = null;
            carrierIds = List.of();
            return;
        }
        Set<String> gone = new HashSet<>(sink.userIds());
        gone.removeAll(watched());
        if (!gone.isEmpty() && carrier != null && !carrier.hasEnded()) {
            edit(List.of(), List.copyOf(gone)).exceptionally(e -> {
                LOG.debug("Removing watched users from stream-user-presence failed: {}", e.toString());
                return null;
            });
        }
    }

    private void dispatch(StreamEvent event) {
        String uid = event.uid() != null ? event.uid() : event.id();
        StreamDelivery delivery = null;
        for (Sink s : sinks) {
            if (s.userIds().contains(uid)) {
                if (delivery == null) {
                    delivery = StreamDelivery.of(event);
                }
                try {
                    s.target().onEvent(delivery);
                } catch (RuntimeException e) {
                    LOG.warn("A stream-user-presence consumer failed to accept an event: {}", e.toString(), e);
                }
            }
        }
    }

    @Override
    public void interrupted() {
        for (Sink s : sinks) {
            safely(() -> s.target().onInterrupted());
        }
    }

    /**
     * The client re-sent the carrier's own frame, which names the users watched when it was first sent: bring the
     * server's set up to today's union with one edit, then tell the consumers.
     */
    @Override
    public void resumed() {
        synchronized (this) {
            Set<String> now = watched();
            List<String> added = new ArrayList<>(now);
            added.removeAll(carrierIds);
            List<String> removed = new ArrayList<>(carrierIds);
            removed.removeAll(now);
            if (!added.isEmpty() || !removed.isEmpty()) {
                edit(added, removed).exceptionally(e -> {
                    LOG.warn("Restoring the watched users of stream-user-presence after a reconnect failed: {}", e.toString());
                    return null;
                });
            }
        }
        for (Sink s : sinks) {
            safely(() -> s.target().onResumed());
        }
    }

    @Override
    public void ended(SessionException error) {
        for (Sink s : sinks) {
            safely(() -> s.target().onEnded(error));
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A stream-user-presence consumer failed: {}", e.toString(), e);
        }
    }

    private final class Handle implements StreamRegistration {
        private final Sink sink;
        private final CompletableFuture<Void> ready;
        private final SharedSubscription tracker;
        private final AtomicBoolean closed = new AtomicBoolean();

        Handle(Sink sink, CompletableFuture<Void> ready, SharedSubscription tracker) {
            this.sink = sink;
            this.ready = ready;
            this.tracker = tracker;
        }

        @Override
        public CompletableFuture<Void> ready() {
            return ready;
        }

        @Override
        public boolean isActive() {
            return !closed.get() && ready.isDone() && !ready.isCompletedExceptionally() && tracker.isActive();
        }

        @Override
        public String describeState() {
            return closed.get() ? "closed" : tracker.state();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                unregister(sink);
            }
        }
    }
}
