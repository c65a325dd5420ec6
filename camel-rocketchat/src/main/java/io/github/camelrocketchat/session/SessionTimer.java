package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a session's timed work (the renewal of its login token) after a delay; tests give one on virtual time (a
 * {@link Scheduler}'s {@code schedule} fits). The task must not block: it only starts asynchronous work.
 */
@FunctionalInterface
public interface SessionTimer {
    /**
     * The JDK's shared delay thread ({@link CompletableFuture#delayedExecutor}); the task runs on the common pool. A
     * cancelled task drops its reference at once, so a long delay holds no closed session.
     */
    SessionTimer DEFAULT = (delay, task) -> {
        AtomicReference<Runnable> pending = new AtomicReference<>(task);
        CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS).execute(() -> {
            Runnable r = pending.getAndSet(null);
            if (r != null) {
                r.run();
            }
        });
        return () -> pending.set(null);
    };

    Scheduler.Cancellable schedule(Duration delay, Runnable task);
}
