package io.github.camelrocketchat.ddp.support;

import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;

/**
 * Virtual-time {@link Scheduler}: nothing runs by itself. Tasks run on the test thread when the test calls
 * {@link #runPending()} or {@link #advance(Duration)}. Not thread-safe: use it from the test thread only.
 */
public final class FakeScheduler implements Scheduler {
    private record Task(long at, long seq, Runnable run, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private long now = 1_000_000_000L;
    private long seq;
    private boolean closed;

    @Override
    public void execute(Runnable task) {
        if (!closed) {
            queue.add(new Task(now, seq++, task, new boolean[1]));
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (closed) {
            return () -> {
            };
        }
        Task t = new Task(now + delay.toNanos(), seq++, task, new boolean[1]);
        queue.add(t);
        return () -> t.cancelled[0] = true;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Runs every task due now, including the ones those tasks submit. */
    public void runPending() {
        runUntil(now);
    }

    /** Moves the clock forward, running each task at its due time, in order. */
    public void advance(Duration d) {
        runUntil(now + d.toNanos());
    }

    private void runUntil(long target) {
        Task t;
        while ((t = queue.peek()) != null && t.at <= target) {
            queue.poll();
            now = Math.max(now, t.at);
            if (!t.cancelled[0]) {
                t.run.run();
            }
        }
        now = target;
    }

    /** Timers and tasks not yet run (cancelled ones excluded). */
    public long pendingCount() {
        return queue.stream().filter(t -> !t.cancelled[0]).count();
    }

    @Override
    public void close() {
        closed = true;
        queue.removeIf(t -> t.at > now);
    }
}
