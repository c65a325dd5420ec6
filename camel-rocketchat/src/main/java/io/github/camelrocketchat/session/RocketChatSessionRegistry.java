package io.github.camelrocketchat.session;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.camel.util.ReferenceCount;

/**
 * The sessions of one component, one per {@link ConnectionKey}, reference counted: endpoints acquire a lease in
 * {@code doStart} and release it in {@code doStop}; the last release closes the session (logout, socket close).
 *
 * <p>A session that reconnects is handed out as is: it heals for all its holders. A session that failed to start
 * or gave up reconnecting is not handed out again: the next acquire opens a new one, while holders of the old one
 * keep it until they release it.
 */
public final class RocketChatSessionRegistry {
    private final Function<SessionSettings, RocketChatSession> sessionFactory;
    /** Guarded by {@code this}. */
    private final Map<ConnectionKey, Entry> entries = new HashMap<>();

    public RocketChatSessionRegistry(Function<SessionSettings, RocketChatSession> sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** A registry opening real sessions with {@code factory}. */
    public static RocketChatSessionRegistry using(DdpConnectionFactory factory) {
        return new RocketChatSessionRegistry(settings -> new RocketChatSession(settings, factory));
    }

    /**
     * A lease on the session for {@code settings.key()}, created (and started) when there is none; the caller
     * waits on {@code lease.session().start()} and must release the lease whatever happens.
     */
    public Lease acquire(SessionSettings settings) {
        Entry e;
        synchronized (this) {
            e = entries.get(settings.key());
            if (e == null || isDead(e.session)) {
                e = new Entry(settings.key(), sessionFactory.apply(settings));
                entries.put(settings.key(), e);
            }
            e.refs.retain();
        }
        e.session.start();
        return new Lease(e);
    }

    /** The sessions held now (open or opening), for consoles and management. */
    public synchronized java.util.List<RocketChatSession> sessions() {
        return entries.values().stream().map(e -> e.session).toList();
    }

    /** Number of sessions held (open or opening). */
    public synchronized int size() {
        return entries.size();
    }

    /** The session currently handed out for {@code key}, or null. */
    public synchronized RocketChatSession find(ConnectionKey key) {
        Entry e = entries.get(key);
        return e == null ? null : e.session;
    }

    /** The number of leases held on the session for {@code key} (0 when none). */
    public synchronized long references(ConnectionKey key) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.refs.get();
    }

    /**
     * Closes every session still held (the component is stopping; endpoints normally released theirs already).
     */
    public void closeAll() {
        java.util.List<Entry> all;
        synchronized (this) {
            all = new java.util.ArrayList<>(entries.values());
            entries.clear();
        }
        all.forEach(e -> e.session.close());
    }

    private static boolean isDead(RocketChatSession s) {
        SessionState st = s.state();
        // a reconnecting session is suspended, not dead: it is handed out and heals for everyone
        return st == SessionState.FAILED || st == SessionState.CLOSED;
    }

    private void release(Entry e) {
        boolean close;
        synchronized (this) {
            e.refs.release();
            close = e.refs.get() == 0;
            if (close) {
                entries.remove(e.key, e);
            }
        }
        if (close) {
            // outside the lock: a logout may take a moment and must not hold up other endpoints
            e.session.close();
        }
    }

    private static final class Entry {
        final ConnectionKey key;
        final RocketChatSession session;
        final ReferenceCount refs = ReferenceCount.on(() -> { }, () -> { });

        Entry(ConnectionKey key, RocketChatSession session) {
            this.key = key;
            this.session = session;
        }
    }

    /** One endpoint's hold on a session. {@link #close()} releases it; twice is harmless. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(Entry entry) {
            this.entry = entry;
        }

        public RocketChatSession session() {
            return entry.session;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(entry);
            }
        }
    }
}
