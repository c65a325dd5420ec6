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
    void aCancelledTimerNeverRunsAndTimersAreOrdered() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-b");
        CountDownLatch gate = new CountDownLatch(1);
        try {
            // the thread is held while the timers are set and one cancelled: however late the cancel comes, the
            // timer cannot have run yet
            s.execute(() -> awaitQuietly(gate));
            CountDownLatch fired = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            Scheduler.Cancellable c = s.schedule(Duration.ZERO, () -> ran.add("cancelled"));
            c.cancel();
            c.cancel();
            // due at the same time but set later, so it runs after where the cancelled one would have
            s.schedule(Duration.ZERO, () -> {
                ran.add("fired");
                fired.countDown();
            });
            gate.countDown();
            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("fired");
        } finally {
            gate.countDown();
            s.close();
        }
    }

    @Test
    void nanoTimeIsTheClockTimersRunBy() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-e");
        try {
            long before = s.nanoTime();
            CompletableFuture<Long> firedAt = new CompletableFuture<>();
            s.schedule(Duration.ofMillis(20), () -> firedAt.complete(s.nanoTime()));
            // a timer never fires early, so on a monotonic clock at least its delay has passed when it runs
            assertThat(firedAt.get(5, TimeUnit.SECONDS) - before).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
            assertThat(s.nanoTime()).isGreaterThanOrEqualTo(firedAt.get());
        } finally {
            s.close();
        }
    }

    @Test
    void closeLetsSubmittedTasksFinishStopsTheThreadAndIgnoresLaterWork() throws Exception {
        DefaultScheduler s = new DefaultScheduler("sched-c");
        CountDownLatch gate = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> inThread = new CompletableFuture<>();
        s.execute(() -> inThread.complete(s.inSchedulerThread()));
        // held until every submission below is made, so a task accepted after close would be queued and run
        s.execute(() -> awaitQuietly(gate));
        s.execute(() -> ran.add("submitted before close"));
        s.schedule(Duration.ofHours(1), () -> ran.add("timer set before close"));
        s.close();
        s.close();
        s.execute(() -> ran.add("submitted after close"));
        s.schedule(Duration.ZERO, () -> ran.add("timer set after close"));
        s.schedule(Duration.ZERO, () -> ran.add("cancelled after close")).cancel();
        gate.countDown();
        assertThat(s.awaitTermination(Duration.ofSeconds(5))).isTrue();
        // the thread ended after running its queue: what was not in it by then never runs
        assertThat(ran).containsExactly("submitted before close");
        assertThat(inThread.get()).isTrue();
        assertThat(s.inSchedulerThread()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
