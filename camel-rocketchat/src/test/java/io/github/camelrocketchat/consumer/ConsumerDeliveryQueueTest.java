package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery queue on its own: bounded drops, unbounded never drops, tasks never run on the submitting thread. */
class ConsumerDeliveryQueueTest {
    private final DefaultCamelContext context = new DefaultCamelContext();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger ranHere = new AtomicInteger();

    @BeforeEach
    void start() {
        context.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        context.stop();
    }

    private Runnable task() {
        Thread submitter = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() == submitter) {
                ranHere.incrementAndGet();
            }
            ran.incrementAndGet();
        };
    }

    private void blockTheThread(ConsumerDeliveryQueue q) throws InterruptedException {
        assertThat(q.submit(() -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isTrue();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBoundedQueueDropsWhenFullAndCounts() throws Exception {
        ConsumerDeliveryQueue q = new ConsumerDeliveryQueue(context, this, "test consumer", 3);
        blockTheThread(q);
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            accepted += q.submit(task()) ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(3);
        assertThat(q.dropped()).isEqualTo(7);
        assertThat(q.queued()).isEqualTo(3);
        release.countDown();
        q.shutdown();
        assertThat(ran).hasValue(3);
        assertThat(ranHere).hasValue(0);
    }

    @Test
    void anUnboundedQueueNeverDrops() throws Exception {
        ConsumerDeliveryQueue q = new ConsumerDeliveryQueue(context, this, "test consumer", -1);
        blockTheThread(q);
        for (int i = 0; i < 5000; i++) {
            assertThat(q.submit(task())).isTrue();
        }
        assertThat(q.dropped()).isZero();
        release.countDown();
        q.shutdown();
        assertThat(ran).hasValue(5000);
        assertThat(ranHere).hasValue(0);
    }

    @Test
    void afterShutdownEventsAreNotCountedAsDrops() {
        ConsumerDeliveryQueue q = new ConsumerDeliveryQueue(context, this, "test consumer", 3);
        q.shutdown();
        assertThat(q.submit(task())).isFalse();
        assertThat(q.dropped()).isZero();
        assertThat(ranHere).hasValue(0);
    }
}
