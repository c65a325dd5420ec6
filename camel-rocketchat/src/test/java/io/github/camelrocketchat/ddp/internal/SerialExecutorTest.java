package io.github.camelrocketchat.ddp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.camelrocketchat.ddp.support.LogCapture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksOneAtATimeInSubmissionOrderOnAThreadPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> seen = new CopyOnWriteArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(10_000);
            // submitted from several threads, but each submitter's order must hold; one submitter here
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                serial.execute(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    seen.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(maxRunning).hasValue(1);
            for (int i = 0; i < 10_000; i++) {
                assertThat(seen.get(i)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThrowingTaskIsLoggedAndTheNextOnesStillRun() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            SerialExecutor serial = new SerialExecutor(Runnable::run);
            serial.execute(() -> ran.add("a"));
            serial.execute(() -> {
                throw new IllegalStateException("boom");
            });
            serial.execute(() -> ran.add("c"));
            assertThat(logs.all()).contains("listener threw").contains("boom");
        }
        assertThat(ran).containsExactly("a", "c");
    }

    @Test
    void tasksSubmittedByATaskRunAfterItNotInsideIt() {
        List<String> order = new CopyOnWriteArrayList<>();
        SerialExecutor serial = new SerialExecutor(Runnable::run);
        serial.execute(() -> {
            serial.execute(() -> order.add("inner"));
            order.add("outer");
        });
        assertThat(order).containsExactly("outer", "inner");
    }

    @Test
    void aShutDownExecutorDropsTasksWithoutThrowing() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        SerialExecutor serial = new SerialExecutor(pool);
        AtomicInteger ran = new AtomicInteger();
        assertThatCode(() -> {
            serial.execute(ran::incrementAndGet);
            serial.execute(ran::incrementAndGet);
        }).doesNotThrowAnyException();
        assertThat(ran).hasValue(0);
    }

    @Test
    void rejectedTasksAreDroppedAndLaterOnesStillRun() {
        AtomicBoolean accepting = new AtomicBoolean(false);
        Executor delegate = task -> {
            if (!accepting.get()) {
                throw new RejectedExecutionException("refused");
            }
            task.run();
        };
        SerialExecutor serial = new SerialExecutor(delegate);
        List<String> ran = new CopyOnWriteArrayList<>();
        serial.execute(() -> ran.add("dropped"));
        accepting.set(true);
        serial.execute(() -> ran.add("later"));
        assertThat(ran).containsExactly("later");
    }
}
