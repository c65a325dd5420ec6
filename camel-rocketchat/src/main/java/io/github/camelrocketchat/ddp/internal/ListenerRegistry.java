package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpStreamListener;
import io.github.camelrocketchat.ddp.Registration;
import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who listens to what, and the dispatch of data messages to them. Registration happens on any thread;
 * dispatch on the connection thread, which hands each listener call to {@link Callbacks#deliver} so the calls
 * run in frame order.
 */
public final class ListenerRegistry {
    /** Marks "every event of the collection" in {@link #streams}. */
    private static final String ALL_EVENTS = "\u0000*";

    private final Callbacks callbacks;
    private final List<DdpConnectionListener> connection = new CopyOnWriteArrayList<>();
    private final Map<String, List<DdpCollectionListener>> collections = new ConcurrentHashMap<>();
    /** Listeners of every collection ({@code onCollection(null, ...)}). */
    private final List<DdpCollectionListener> anyCollection = new CopyOnWriteArrayList<>();
    /** collection -> eventName (or {@link #ALL_EVENTS}) -> listeners. */
    private final Map<String, Map<String, List<DdpStreamListener>>> streams = new ConcurrentHashMap<>();

    public ListenerRegistry(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    public Registration addConnectionListener(DdpConnectionListener l) {
        connection.add(Objects.requireNonNull(l, "listener"));
        return () -> connection.remove(l);
    }

    /** {@code collection} null: every collection's data messages (never stream events). */
    public Registration onCollection(String collection, DdpCollectionListener l) {
        Objects.requireNonNull(l, "listener");
        if (collection == null) {
            anyCollection.add(l);
            return () -> anyCollection.remove(l);
        }
        collections.computeIfAbsent(collection, k -> new CopyOnWriteArrayList<>()).add(l);
        return () -> collections.getOrDefault(collection, List.of()).remove(l);
    }

    public Registration onStream(String collection, String eventName, DdpStreamListener l) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(l, "listener");
        String key = eventName == null ? ALL_EVENTS : eventName;
        streams.computeIfAbsent(collection, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(l);
        return () -> streams.getOrDefault(collection, Map.of()).getOrDefault(key, List.of()).remove(l);
    }

    public void connected(String session) {
        for (DdpConnectionListener l : connection) {
            callbacks.deliver(() -> l.onConnected(session));
        }
    }

    public void disconnected(DdpDisconnect d) {
        for (DdpConnectionListener l : connection) {
            callbacks.deliver(() -> l.onDisconnected(d));
        }
    }

    public void reconnecting(int attempt, Duration delay) {
        for (DdpConnectionListener l : connection) {
            callbacks.deliver(() -> l.onReconnecting(attempt, delay));
        }
    }

    public void gaveUp(DdpException error) {
        for (DdpConnectionListener l : connection) {
            callbacks.deliver(() -> l.onGaveUp(error));
        }
    }

    /** A {@code changed} frame: a stream event when it looks like one, else a collection change. */
    public void changed(DdpMessage.Changed m) {
        StreamEvent event = toStreamEvent(m);
        if (event != null) {
            dispatch(event);
            return;
        }
        for (DdpCollectionListener l : listeners(m.collection())) {
            callbacks.deliver(() -> l.changed(m.collection(), m.id(), m.fields(), m.cleared()));
        }
    }

    public void added(DdpMessage.Added m) {
        for (DdpCollectionListener l : listeners(m.collection())) {
            callbacks.deliver(() -> l.added(m.collection(), m.id(), m.fields()));
        }
    }

    public void removed(DdpMessage.Removed m) {
        for (DdpCollectionListener l : listeners(m.collection())) {
            callbacks.deliver(() -> l.removed(m.collection(), m.id()));
        }
    }

    public void addedBefore(DdpMessage.AddedBefore m) {
        for (DdpCollectionListener l : listeners(m.collection())) {
            callbacks.deliver(() -> l.addedBefore(m.collection(), m.id(), m.fields(), m.before()));
        }
    }

    public void movedBefore(DdpMessage.MovedBefore m) {
        for (DdpCollectionListener l : listeners(m.collection())) {
            callbacks.deliver(() -> l.movedBefore(m.collection(), m.id(), m.before()));
        }
    }

    private List<DdpCollectionListener> listeners(String collection) {
        List<DdpCollectionListener> named = collections.getOrDefault(collection, List.of());
        if (anyCollection.isEmpty()) {
            return named;
        }
        List<DdpCollectionListener> all = new java.util.ArrayList<>(named);
        all.addAll(anyCollection);
        return all;
    }

    private void dispatch(StreamEvent event) {
        Map<String, List<DdpStreamListener>> byEvent = streams.get(event.collection());
        if (byEvent == null) {
            return;
        }
        for (DdpStreamListener l : byEvent.getOrDefault(event.eventName(), List.of())) {
            callbacks.deliver(() -> l.onEvent(event));
        }
        for (DdpStreamListener l : byEvent.getOrDefault(ALL_EVENTS, List.of())) {
            callbacks.deliver(() -> l.onEvent(event));
        }
    }

    /**
     * Rocket.Chat stream events are {@code changed} frames on a {@code stream-*} collection whose fields hold
     * {@code args} (an array) and {@code eventName}; {@code stream-user-presence} also has {@code uid} (and
     * the user id as frame id). Anything else is an ordinary collection change.
     */
    @SuppressWarnings("unchecked")
    static StreamEvent toStreamEvent(DdpMessage.Changed m) {
        if (!m.collection().startsWith("stream-") || !(m.fields().get("args") instanceof List<?> args)) {
            return null;
        }
        String uid = m.fields().get("uid") instanceof String s ? s : null;
        Object name = m.fields().get("eventName");
        String eventName = name instanceof String s ? s : uid;
        if (eventName == null) {
            return null;
        }
        return new StreamEvent(m.collection(), eventName, Collections.unmodifiableList((List<Object>) args), m.id(), uid);
    }
}
