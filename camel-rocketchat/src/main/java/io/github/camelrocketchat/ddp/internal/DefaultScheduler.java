package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real {@link Scheduler}: one daemon thread and the system clock. */
public final class DefaultScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    /** The one worker thread, set once by the thread factory. */
    private volatile Thread thread;

    /** @param threadName the name of the connection thread */
    public DefaultScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> runGuarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler closed; task dropped");
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(() -> runGuarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler closed; timer dropped");
            return () -> {
            };
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** True when called on this scheduler's thread. */
    public boolean inSchedulerThread() {
        return Thread.currentThread() == thread;
    }

    /** Lets already submitted tasks finish, drops timers, stops the thread. Idempotent; does not wait. */
    @Override
    public void close() {
        executor.shutdown();
    }

    /** Waits up to {@code timeout} for the thread to end; false when it did not. */
    public boolean awaitTermination(Duration timeout) {
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // a bug in the client; the connection thread must survive it
            LOG.error("Unexpected failure on the DDP connection thread", e);
        }
    }
}
