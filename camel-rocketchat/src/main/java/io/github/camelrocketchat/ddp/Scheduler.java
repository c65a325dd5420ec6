package io.github.camelrocketchat.ddp;

import java.time.Duration;

/**
 * The connection thread and the clock, behind a seam so tests run on virtual time.
 *
 * <p>All protocol state of one {@link DdpClient} is touched only from tasks run by its scheduler,
 * one at a time, in submission order.
 */
public interface Scheduler extends AutoCloseable {

    /** Runs {@code task} on the connection thread after the tasks submitted before it. */
    void execute(Runnable task);

    /** Runs {@code task} on the connection thread once {@code delay} has passed. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Monotonic time in nanoseconds (virtual in tests). */
    long nanoTime();

    /**
     * Stops the thread: tasks already submitted with {@link #execute} still run, delayed tasks are dropped,
     * later submissions are ignored. Idempotent.
     */
    @Override
    void close();

    /** A scheduled task that may be cancelled. Cancelling twice, or after it ran, is harmless. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
