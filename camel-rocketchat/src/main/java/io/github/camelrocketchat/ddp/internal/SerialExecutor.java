package io.github.camelrocketchat.ddp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a delegate executor that may have many threads. This is
 * what keeps listener delivery in frame order when the user gives a thread pool as callback executor.
 *
 * <p>A task that throws is logged and does not stop the ones after it.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor delegate;
    /** Tasks not yet run; any thread adds, the draining thread polls. */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** True while a drain is submitted to, or running on, the delegate. */
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Gets the tasks dropped because the delegate refused to run them. */
    private final Consumer<List<Runnable>> onRejected;
    /** Tasks one drain runs before it gives the delegate's thread back and queues itself again. */
    private final int maxBatch;

    public SerialExecutor(Executor delegate) {
        this(delegate, dropped -> LOG.debug("Callback executor rejected work (shut down?); dropped {} callback(s)",
                dropped.size()));
    }

    /** @param onRejected called on the submitting thread with the tasks the delegate refused (then forgotten) */
    public SerialExecutor(Executor delegate, Consumer<List<Runnable>> onRejected) {
        this(delegate, onRejected, Integer.MAX_VALUE);
    }

    /**
     * @param maxBatch tasks run per turn on the delegate: a delegate that also runs other work (the connection thread
     *                 and its timers) gets its turn between batches however fast tasks come
     */
    public SerialExecutor(Executor delegate, Consumer<List<Runnable>> onRejected, int maxBatch) {
        this.delegate = delegate;
        this.onRejected = onRejected;
        this.maxBatch = maxBatch;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                delegate.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                List<Runnable> dropped = new ArrayList<>();
                Runnable t;
                while ((t = tasks.poll()) != null) {
                    dropped.add(t);
                }
                onRejected.accept(dropped);
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            int ran = 0;
            while (ran++ < maxBatch && (task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.warn("A DDP listener threw; delivery goes on with the next event", e);
                }
            }
        } finally {
            draining.set(false);
        }
        // a task may have been added after the last poll but before the flag was cleared, or the batch was full
        if (!tasks.isEmpty()) {
            scheduleDrain();
        }
    }
}
