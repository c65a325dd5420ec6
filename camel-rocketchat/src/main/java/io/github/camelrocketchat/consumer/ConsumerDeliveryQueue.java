package io.github.camelrocketchat.consumer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's delivery thread: one thread from Camel's {@link ExecutorServiceManager} with a queue of at most
 * {@code maxQueueSize} events (-1: unbounded).
 *
 * <p>Camel's default profile would run a task on the caller when the queue is full (CallerRuns): here the caller
 * is the DDP callback thread that every consumer of the connection shares, so one slow route would stall them
 * all. Instead a full queue drops the event: each drop is counted, logged at WARN with the consumer and the count,
 * and shown in the consumer's health details. (Back-pressure is for a later design.)
 */
final class ConsumerDeliveryQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerDeliveryQueue.class);

    private final CamelContext context;
    private final String consumer;
    private final ExecutorService executor;
    /** Incremented on the DDP callback thread, read by health checks on any thread. */
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param source       the owner, for Camel's thread naming and management
     * @param consumer     how logs name the consumer (never a secret)
     * @param maxQueueSize events held while the route is busy; -1 for unbounded
     */
    ConsumerDeliveryQueue(CamelContext context, Object source, String consumer, int maxQueueSize) {
        this.context = context;
        this.consumer = consumer;
        ThreadPoolProfile profile = new ThreadPoolProfile("RocketChatConsumer");
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        profile.setKeepAliveTime(0L);
        profile.setTimeUnit(TimeUnit.MILLISECONDS);
        profile.setAllowCoreThreadTimeOut(false);
        // Camel makes a queue size of 0 or less a SynchronousQueue (no queue at all): unbounded is MAX_VALUE
        profile.setMaxQueueSize(maxQueueSize == -1 ? Integer.MAX_VALUE : maxQueueSize);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        this.executor = context.getExecutorServiceManager().newThreadPool(source, "RocketChatConsumer[" + consumer + "]", profile);
    }

    /**
     * Queues {@code task} and returns at once; never runs it on the calling thread.
     *
     * @return false when the event was dropped (queue full, or the consumer is stopping)
     */
    boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                LOG.debug("Event for {} dropped: the consumer is stopping", consumer);
            } else {
                long n = dropped.incrementAndGet();
                LOG.warn("Event for {} dropped: its route is too slow and its delivery queue is full (maxQueueSize); "
                        + "{} event(s) dropped so far", consumer, n);
            }
            return false;
        }
    }

    /** Events dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Events waiting for the route, or -1 when unknown. */
    int queued() {
        return executor instanceof ThreadPoolExecutor t ? t.getQueue().size() : -1;
    }

    /** Lets queued events finish for up to ten seconds, then stops the thread. */
    void shutdown() {
        context.getExecutorServiceManager().shutdownGraceful(executor, TimeUnit.SECONDS.toMillis(10));
    }
}
