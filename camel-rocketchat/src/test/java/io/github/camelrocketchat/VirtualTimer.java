package io.github.camelrocketchat;

import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.session.SessionTimer;
import io.github.camelrocketchat.testserver.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/**
 * A session timer on virtual time that never makes anyone wait: a task runs as soon as the system is idle (every call
 * handed to the server was answered: time must not pass while the server still has work from "before"), on its own
 * thread and in the order they were scheduled, after moving the shared {@link TestClock} to its due time. The test
 * server's rate limiter reads the same clock, so a wait the server asked for has passed for it too. Delays longer than
 * {@link #HORIZON} (token renewal, days away) never run: jumping there would expire what the test relies on.
 */
final class VirtualTimer implements SessionTimer, AutoCloseable {
    static final Duration HORIZON = Duration.ofMinutes(10);

    private final TestClock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "virtual-timer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong waited = new AtomicLong();
    private final BooleanSupplier idle;

    VirtualTimer(TestClock clock, BooleanSupplier idle) {
        this.clock = clock;
        this.idle = idle;
    }

    @Override
    public Scheduler.Cancellable schedule(Duration delay, Runnable task) {
        if (delay.compareTo(HORIZON) > 0) {
            return () -> {
            };
        }
        long due = clock.millis() + Math.max(0, delay.toMillis());
        AtomicBoolean cancelled = new AtomicBoolean();
        thread.execute(() -> {
            if (cancelled.get()) {
                return;
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(idle::getAsBoolean);
            long now = clock.millis();
            if (now < due) {
                waited.addAndGet(due - now);
                clock.set(Instant.ofEpochMilli(due));
            }
            task.run();
        });
        return () -> cancelled.set(true);
    }

    /** Virtual milliseconds the clock was moved forward. */
    long waitedMillis() {
        return waited.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
