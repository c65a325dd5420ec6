package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.BadFrameKind;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts dropped and ignored inbound frames. The first frame of each bad kind is logged at WARN, later ones
 * at DEBUG; each unknown {@code msg} value is logged once at DEBUG. Details never quote frame content.
 */
public final class BadFrames {
    private static final Logger LOG = LoggerFactory.getLogger(BadFrames.class);
    /** Bounds the memory a hostile server can make us spend on remembering unknown msg values. */
    private static final int MAX_REMEMBERED_UNKNOWN = 64;

    private final String name;
    /** Indexed by {@link BadFrameKind#ordinal()}; written on the connection thread, read from any thread. */
    private final AtomicLongArray counts = new AtomicLongArray(BadFrameKind.values().length);
    /** Unknown msg values already logged; connection thread only. */
    private final Set<String> unknownSeen = new HashSet<>();

    public BadFrames(String name) {
        this.name = name;
    }

    public void record(BadFrameKind kind, String detail) {
        long n = counts.incrementAndGet(kind.ordinal());
        if (n == 1) {
            LOG.warn("{}: dropped a bad DDP frame ({}): {}. Later {} frames are counted and logged at DEBUG only",
                    name, kind, detail, kind);
        } else {
            LOG.debug("{}: dropped a bad DDP frame ({} #{}): {}", name, kind, n, detail);
        }
    }

    /** A frame without {@code msg} (null) or with a {@code msg} this client does not handle. */
    public void ignored(String msg) {
        String key = msg == null ? "<no msg>" : msg.length() > 40 ? msg.substring(0, 40) + "..." : msg;
        if (unknownSeen.size() < MAX_REMEMBERED_UNKNOWN && unknownSeen.add(key)) {
            LOG.debug("{}: ignoring DDP frames with msg {} (logged once)", name, key);
        }
    }

    public Map<BadFrameKind, Long> snapshot() {
        Map<BadFrameKind, Long> out = new EnumMap<>(BadFrameKind.class);
        for (BadFrameKind k : BadFrameKind.values()) {
            out.put(k, counts.get(k.ordinal()));
        }
        return out;
    }
}
