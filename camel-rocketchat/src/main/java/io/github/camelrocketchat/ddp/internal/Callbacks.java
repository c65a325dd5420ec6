package io.github.camelrocketchat.ddp.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands results to user code. Future completions and listener calls share ONE {@link SerialExecutor} over the
 * callback executor, so a listener call never overtakes a completion the connection thread handed over before
 * it (a {@code ready} listener cannot run before the {@code connect()} future it follows, a stream event cannot
 * overtake the result of the call that caused it), even on a thread pool.
 *
 * <p>The price: a callback that blocks waiting for another result of the same client deadlocks, whatever the
 * executor. When the callback executor refuses work, completions still run (inline, on the thread that
 * delivered them) so no future is left hanging; listener calls are dropped.
 */
public final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private final SerialExecutor serial;

    public Callbacks(Executor executor) {
        this.serial = new SerialExecutor(executor, Callbacks::rejected);
    }

    public <T> void complete(CompletableFuture<T> future, T value) {
        serial.execute(new Completion(() -> future.complete(value)));
    }

    public void fail(CompletableFuture<?> future, Throwable error) {
        serial.execute(new Completion(() -> future.completeExceptionally(error)));
    }

    /** Runs a listener call (or any user code) after everything delivered before it. */
    public void deliver(Runnable listenerCall) {
        serial.execute(listenerCall);
    }

    private static void rejected(List<Runnable> dropped) {
        int listenerCalls = 0;
        for (Runnable r : dropped) {
            if (r instanceof Completion c) {
                c.run();
            } else {
                listenerCalls++;
            }
        }
        if (!dropped.isEmpty()) {
            LOG.debug("Callback executor rejected work (shut down?): {} future(s) completed on the current thread, "
                    + "{} listener call(s) dropped", dropped.size() - listenerCalls, listenerCalls);
        }
    }

    /** Marks the tasks that must run even when the executor refuses them. */
    private record Completion(Runnable action) implements Runnable {
        @Override
        public void run() {
            action.run();
        }
    }
}
