package io.github.camelrocketchat.ddp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DefaultSchedulerTest {

    @Test
    void runsTasksInOrderOnOneNamedDaemonThread() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-a");
        try {
            List<Integer> order = new CopyOnWriteArrayList<>();
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                s.execute(() -> order.add(n));
            }
            s.execute(() -> thread.complete(Thread.currentThread()));
            Thread t = thread.get(5, TimeUnit.SECONDS);
            assertThat(t.getName()).isEqualTo("sched-a");
            assertThat(t.isDaemon()).isTrue();
            assertThat(order).hasSize(100).isSorted();
        } finally {
            s.close();
        }
    }

    @Test
    void timersFireAndCanBeCancelled() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-b");
        try {
            CountDownLatch fired = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            Scheduler.Cancellable c = s.schedule(Duration.ofMillis(50), () -> ran.add("cancelled"));
            c.cancel();
            c.cancel();
            s.schedule(Duration.ofMillis(60), fired::countDown);
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isEmpty();
            assertThat(s.nanoTime()).isPositive();
        } finally {
            s.close();
        }
    }

    @Test
    void closeLetsSubmittedTasksFinishStopsTheThreadAndIgnoresLaterWork() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-c");
        CompletableFuture<Boolean> inThread = new CompletableFuture<>();
        s.execute(() -> inThread.complete(s.inSchedulerThread()));
        s.schedule(Duration.ofHours(1), () -> { });
        s.close();
        s.close();
        assertThat(s.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(inThread.get()).isTrue();
        assertThat(s.inSchedulerThread()).isFalse();
        s.execute(() -> { });
        s.schedule(Duration.ZERO, () -> { }).cancel();
    }

    @Test
    void aFailingTaskDoesNotKillTheThread() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-d");
        try (io.github.camelrocketchat.ddp.support.LogCapture logs = new io.github.camelrocketchat.ddp.support.LogCapture()) {
            s.execute(() -> {
                throw new IllegalStateException("bug");
            });
            CompletableFuture<String> after = new CompletableFuture<>();
            s.execute(() -> after.complete("still running"));
            assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo("still running");
            assertThat(logs.all()).contains("bug");
        } finally {
            s.close();
        }
    }
}
