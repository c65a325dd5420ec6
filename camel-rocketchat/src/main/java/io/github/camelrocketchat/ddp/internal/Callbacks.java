package io.github.camelrocketchat.ddp.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands results to user code: futures complete on the callback executor, listener calls run through one
 * {@link SerialExecutor} so they keep frame order. Nothing here runs user code on the calling thread, except
 * when the callback executor refuses work (then the future is completed inline rather than lost).
 */
public final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private final Executor executor;
    private final SerialExecutor listeners;

    public Callbacks(Executor executor) {
        this.executor = executor;
        this.listeners = new SerialExecutor(executor);
    }

    public <T> void complete(CompletableFuture<T> future, T value) {
        run(() -> future.complete(value));
    }

    public void fail(CompletableFuture<?> future, Throwable error) {
        run(() -> future.completeExceptionally(error));
    }

    /** Runs a listener call after every listener call delivered before it. */
    public void deliver(Runnable listenerCall) {
        listeners.execute(listenerCall);
    }

    private void run(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            LOG.debug("Callback executor rejected a completion; completing on the current thread");
            completion.run();
        }
    }
}
