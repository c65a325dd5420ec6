package io.github.camelrocketchat.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the events a consumer shed because its queue was full (typing, presence, notifications, publications: the
 * streams that cannot be fetched again), and logs at WARN at most once per minute per consumer, with the count so
 * far: never a line per event.
 *
 * <p>Thread-safety: {@link #shed()} is called on the DDP callback thread, {@link #count()} anywhere.
 */
final class ShedEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ShedEvents.class);
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final String consumer;
    private final Clock clock;
    private final AtomicLong count = new AtomicLong();
    /** When the last WARN was logged, or null; guarded by {@code this}. */
    private Instant lastLog;
    /** The count at the last WARN; guarded by {@code this}. */
    private long countAtLastLog;

    /** @param consumer how the log names the consumer (never a secret) */
    ShedEvents(String consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    /** One event was shed. */
    void shed() {
        long n = count.incrementAndGet();
        Instant now = clock.instant();
        long since;
        synchronized (this) {
            if (lastLog != null && now.isBefore(lastLog.plus(LOG_INTERVAL))) {
                return;
            }
            since = n - countAtLastLog;
            lastLog = now;
            countAtLastLog = n;
        }
        LOG.warn("{}: its route is too slow and its delivery queue is full (maxQueueSize): {} event(s) shed since the last "
                + "report, {} in all (these streams cannot be fetched again; see the health detail rocketchat.consumer.dropped)",
                consumer, since, n);
    }

    /** Events shed since the consumer was created. */
    long count() {
        return count.get();
    }
}
