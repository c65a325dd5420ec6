package io.github.camelrocketchat.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory of the room bridge (route 2): which mirror message stands for which source message, so an edit or a
 * deletion in the source room reaches the right mirror. Bounded: the oldest pairs are forgotten first (an edit
 * of a message that old is then skipped, and the route says so).
 *
 * <p>Thread-safe: the bridge's message consumer and its deletion consumer run on different threads.
 */
public class BridgeMirrors {

    /** Pairs kept when nothing is configured. */
    public static final int DEFAULT_CAPACITY = 10_000;

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

    /** Records that {@code mirrorId} mirrors {@code sourceId}. */
    public synchronized void remember(String sourceId, String mirrorId) {
        if (sourceId == null || mirrorId == null) {
            throw new IllegalArgumentException("Both ids are needed, got source " + sourceId + " and mirror " + mirrorId);
        }
        mirrors.put(sourceId, mirrorId);
    }

    /** The mirror of {@code sourceId}, or null when it was never mirrored (or forgotten). */
    public synchronized String mirrorOf(String sourceId) {
        return sourceId == null ? null : mirrors.get(sourceId);
    }

    /** Forgets a pair and returns the mirror id it had, or null. */
    public synchronized String forget(String sourceId) {
        return sourceId == null ? null : mirrors.remove(sourceId);
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
