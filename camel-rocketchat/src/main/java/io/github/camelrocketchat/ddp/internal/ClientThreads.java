package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The connection thread and the callback executor of one client: the ones the options give, or ones made here
 * (and then stopped by {@link #close()}; what the user gave is never stopped).
 */
public final class ClientThreads {
    private final Scheduler scheduler;
    /** Non-null when made here. */
    private final DefaultScheduler ownedScheduler;
    private final Executor callbackExecutor;
    /** Non-null when made here. */
    private final ExecutorService ownedCallbackExecutor;
    /** The owned callback thread, once started; lets close() avoid waiting for itself when a listener calls it. */
    private volatile Thread ownedCallbackThread;

    public ClientThreads(DdpClientOptions options) {
        if (options.scheduler() != null) {
            this.scheduler = options.scheduler();
            this.ownedScheduler = null;
        } else {
            this.ownedScheduler = new DefaultScheduler(options.name());
            this.scheduler = ownedScheduler;
        }
        if (options.callbackExecutor() != null) {
            this.callbackExecutor = options.callbackExecutor();
            this.ownedCallbackExecutor = null;
        } else {
            this.ownedCallbackExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, options.name() + "-callbacks");
                t.setDaemon(true);
                ownedCallbackThread = t;
                return t;
            });
            this.callbackExecutor = ownedCallbackExecutor;
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /**
     * Stops the threads made here: tasks already handed to them still run (the failures close() just caused),
     * then they end. Waits up to 5 s each, unless called on that very thread.
     */
    public void close() {
        if (ownedScheduler != null) {
            ownedScheduler.close();
            if (!ownedScheduler.inSchedulerThread()) {
                ownedScheduler.awaitTermination(Duration.ofSeconds(5));
            }
        }
        if (ownedCallbackExecutor != null) {
            ownedCallbackExecutor.shutdown();
            if (Thread.currentThread() != ownedCallbackThread) {
                try {
                    ownedCallbackExecutor.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
