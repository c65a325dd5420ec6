package io.github.camelrocketchat.consumer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's serial delivery: a queue of steps that run one at a time, in queue order, on an executor of any
 * size. A step that goes asynchronous (an exchange whose route continues on another thread, a gap-fill waiting for
 * the server) holds the queue until it calls its {@code done}; the next step then starts on the executor. Steps that
 * finish before returning run in a loop (a trampoline), so a long run of synchronous exchanges never grows the
 * stack. Nothing runs on the thread that queues: the DDP callback thread only ever takes the lock for a moment. The
 * executor is shared by every consumer of the component, so a drain gives its thread back after a fair share of
 * steps and queues itself again.
 *
 * <p>The bound counts event steps only: {@link #offerEvent} refuses once {@code maxEvents} wait. Control steps
 * ({@link #add}, {@link #pushFront}: signals, catch-ups, replayed events) are always accepted; there are few of them,
 * or (replays) as many as the server returned for one gap.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
final class ConsumerDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerDelivery.class);
    private static final int RUNNING = 0;
    private static final int DONE_INLINE = 1;
    private static final int ASYNC = 2;
    private static final int DONE = 3;
    /** Steps one drain runs before it gives the pool thread back (and queues itself again). */
    private static final int FAIR_SHARE = 64;

    /** One unit of work. Calls {@code done} exactly once (later calls are ignored), on any thread, before or after returning. */
    @FunctionalInterface
    interface Step {
        void run(Runnable done) throws Exception;
    }

    private record Entry(Step step, boolean event) {
    }

    private final Executor executor;
    private final int maxEvents;
    private final Consumer<Throwable> onStepFailure;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}: event steps waiting, and the most that ever waited. */
    private int queuedEvents;
    private int peakEvents;
    /** Guarded by {@link #lock}: a drain is scheduled or running, or a step is in flight. */
    private boolean busy;
    /** Guarded by {@link #lock}: set once, by {@link #close}. */
    private boolean closed;
    /** The thread running steps now, or null: {@link #close} called from a step must not wait for itself. */
    private volatile Thread runner;

    /**
     * @param executor      runs the steps; any size (one step at a time is this class's job, not the pool's)
     * @param maxEvents     event steps that may wait; -1 for no bound
     * @param onStepFailure told (on the delivery thread) when a step throws; the queue then moves on
     */
    ConsumerDelivery(Executor executor, int maxEvents, Consumer<Throwable> onStepFailure) {
        this.executor = executor;
        this.maxEvents = maxEvents;
        this.onStepFailure = onStepFailure;
    }

    /** Queues an event step unless {@code maxEvents} already wait. @return false when refused (full or closed) */
    boolean offerEvent(Step step) {
        synchronized (lock) {
            if (closed || maxEvents >= 0 && queuedEvents >= maxEvents) {
                return false;
            }
            queue.addLast(new Entry(step, true));
            queuedEvents++;
            peakEvents = Math.max(peakEvents, queuedEvents);
        }
        startIfIdle();
        return true;
    }

    /** Queues a control step behind everything waiting (never refused, except once closed). */
    void add(Step step) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            queue.addLast(new Entry(step, false));
        }
        startIfIdle();
    }

    /** Puts {@code steps} ahead of everything waiting, in their order: they run as soon as the step in flight is done. */
    void pushFront(List<Step> steps) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            for (int i = steps.size() - 1; i >= 0; i--) {
                queue.addFirst(new Entry(steps.get(i), false));
            }
        }
        startIfIdle();
    }

    private void startIfIdle() {
        synchronized (lock) {
            if (busy || queue.isEmpty()) {
                return;
            }
            busy = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            int dropped;
            synchronized (lock) {
                dropped = queue.size();
                queue.clear();
                queuedEvents = 0;
                busy = false;
                lock.notifyAll();
            }
            LOG.debug("Delivery executor refused work (stopping?): {} queued step(s) dropped", dropped);
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        int ran = 0;
        while (true) {
            Entry e;
            synchronized (lock) {
                e = queue.peek();
                if (e == null) {
                    busy = false;
                    runner = null;
                    lock.notifyAll();
                    return;
                }
                if (ran++ == FAIR_SHARE) {
                    // the pool is shared by every consumer: a busy one yields its thread after a batch, behind the
                    // others' drains, instead of holding it for as long as its stream flows
                    runner = null;
                    break;
                }
                queue.poll();
                if (e.event()) {
                    queuedEvents--;
                }
            }
            AtomicInteger phase = new AtomicInteger(RUNNING);
            Runnable done = () -> {
                if (!phase.compareAndSet(RUNNING, DONE_INLINE) && phase.compareAndSet(ASYNC, DONE)) {
                    schedule();
                }
            };
            try {
                e.step().run(done);
            } catch (Throwable t) {
                done.run();
                try {
                    onStepFailure.accept(t);
                } catch (RuntimeException r) {
                    LOG.warn("Reporting a failed delivery step failed: {}", r.toString(), r);
                }
            }
            if (phase.compareAndSet(RUNNING, ASYNC)) {
                runner = null;
                return;
            }
        }
        schedule();
    }

    /** Event steps waiting now. */
    int queuedEvents() {
        synchronized (lock) {
            return queuedEvents;
        }
    }

    /** The most event steps that ever waited at once (never above {@code maxEvents}). */
    int peakQueuedEvents() {
        synchronized (lock) {
            return peakEvents;
        }
    }

    /**
     * Refuses new steps, lets the waiting ones run for up to {@code timeoutMillis}, then drops what is left.
     *
     * @return the steps dropped
     */
    int close(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            closed = true;
            boolean self = runner == Thread.currentThread();
            try {
                long left;
                while (busy && !self && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int dropped = queue.size();
            queue.clear();
            queuedEvents = 0;
            runner = null;
            return dropped;
        }
    }
}
