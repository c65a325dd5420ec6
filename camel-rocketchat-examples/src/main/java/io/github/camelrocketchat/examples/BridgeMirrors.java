package io.github.camelrocketchat.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The memory of the room bridge (route 2): which mirror message stands for which source message, so an edit or a
 * deletion in the source room reaches the right mirror. Bounded: the oldest pairs are forgotten first (an edit
 * of a message that old is then skipped, and the route says so).
 *
 * <p>A mirror being created is "pending". The bridge's consumer receives deletions in order with the messages, so
 * its deletions never overtake a creation; a deletion taken from another consumer (a separate
 * {@code stream-notify-room} {@code deleteMessage} route) could, so {@link #forget(String)} waits (bounded) for a
 * pending mirror instead of missing it.
 *
 * <p>Thread-safe: routes on different consumers may share it.
 */
public class BridgeMirrors {

    /** Pairs kept when nothing is configured. */
    public static final int DEFAULT_CAPACITY = 10_000;
    /** How long a deletion waits for a mirror that is being created. */
    static final long PENDING_WAIT_MILLIS = 5_000;

    /** Source ids whose mirror is being sent, completed with the mirror id (or null when it failed). */
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    /** Source message id to mirror message id, least recently used first; guarded by {@code this}. */
    private final Map<String, String> mirrors;

    public BridgeMirrors() {
        this(DEFAULT_CAPACITY);
    }

    public BridgeMirrors(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.mirrors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Marks the mirror of {@code sourceId} as being created (before it is sent). */
    public void creating(String sourceId) {
        pending.put(sourceId, new CompletableFuture<>());
    }

    /** Records that {@code mirrorId} mirrors {@code sourceId}. */
    public void remember(String sourceId, String mirrorId) {
        if (sourceId == null || mirrorId == null) {
            throw new IllegalArgumentException("Both ids are needed, got source " + sourceId + " and mirror " + mirrorId);
        }
        synchronized (this) {
            mirrors.put(sourceId, mirrorId);
        }
        CompletableFuture<String> p = pending.remove(sourceId);
        if (p != null) {
            p.complete(mirrorId);
        }
    }

    /** The creation of the mirror of {@code sourceId} failed: nobody waits for it any longer. */
    public void failed(String sourceId) {
        CompletableFuture<String> p = pending.remove(sourceId);
        if (p != null) {
            p.complete(null);
        }
    }

    /** The mirror of {@code sourceId}, or null when it was never mirrored (or forgotten). */
    public synchronized String mirrorOf(String sourceId) {
        return sourceId == null ? null : mirrors.get(sourceId);
    }

    /**
     * Forgets a pair and returns the mirror id it had, or null. When the mirror is still being created, waits for it
     * (at most {@link #PENDING_WAIT_MILLIS}).
     */
    public String forget(String sourceId) throws InterruptedException {
        if (sourceId == null) {
            return null;
        }
        CompletableFuture<String> p = pending.get(sourceId);
        if (p != null) {
            try {
                p.get(PENDING_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                pending.remove(sourceId, p);
            }
        }
        synchronized (this) {
            return mirrors.remove(sourceId);
        }
    }

    /** True when {@code messageId} is one of our mirrors: the bridge never copies its own copies (no loops). */
    public synchronized boolean isMirror(String messageId) {
        return messageId != null && mirrors.containsValue(messageId);
    }

    /** The opposite of {@link #isMirror(String)}, for a route filter. */
    public boolean isSourceMessage(String messageId) {
        return !isMirror(messageId);
    }

    public synchronized int size() {
        return mirrors.size();
    }
}
