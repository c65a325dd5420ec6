package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serial delivery engine: one step in flight, in order, on a pool of any size, without stack growth. */
class ConsumerDeliveryTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final ExecutorService elsewhere = Executors.newFixedThreadPool(4);
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        elsewhere.shutdownNow();
    }

    @Test
    void consumersSharingOneThreadTakeTurnsABusyOneYieldsAfterAFairShare() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            ConsumerDelivery busy = new ConsumerDelivery(one, -1, failures::add);
            ConsumerDelivery quiet = new ConsumerDelivery(one, -1, failures::add);
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch all = new CountDownLatch(1001);
            // the first step holds the only thread until everything is queued
            busy.offerEvent(done -> {
                gate.await();
                order.add("busy");
                all.countDown();
                done.run();
            });
            for (int i = 1; i < 1000; i++) {
                busy.offerEvent(done -> {
                    order.add("busy");
                    all.countDown();
                    done.run();
                });
            }
            quiet.offerEvent(done -> {
                order.add("quiet");
                all.countDown();
                done.run();
            });
            gate.countDown();
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(order).hasSize(1001);
            assertThat(order.indexOf("quiet")).as("the quiet consumer waited one fair share, not the whole burst")
                    .isBetween(1, 64);
            assertThat(order.stream().filter("busy"::equals).count()).isEqualTo(1000);
            assertThat(failures).isEmpty();
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void oneStepInFlightInQueueOrderOnAnEightThreadPoolWithStepsThatCompleteElsewhere() throws Exception {
        ConsumerDelivery d = new ConsumerDelivery(pool, -1, failures::add);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        Random random = new Random(42);
        int n = 2000;
        CountDownLatch all = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            boolean async = random.nextInt(3) == 0;
            d.offerEvent(done -> {
                if (inFlight.incrementAndGet() > 1) {
                    overlap.incrementAndGet();
                }
                order.add(k);
                Runnable finish = () -> {
                    inFlight.decrementAndGet();
                    all.countDown();
                    done.run();
                };
                if (async) {
                    elsewhere.execute(finish);
                } else {
                    finish.run();
                }
            });
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlap.get()).isZero();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(i);
        }
        assertThat(order).isEqualTo(expected);
        assertThat(failures).isEmpty();
    }

    @Test
    void synchronousStepsRunInALoopWithoutGrowingTheStack() throws Exception {
        ConsumerDelivery d = new ConsumerDelivery(pool, -1, failures::add);
        int n = 100_000;
        int[] depth = new int[2];
        CountDownLatch last = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        // hold the first step so that all the others are queued and then run back to back
        d.add(done -> elsewhere.execute(() -> {
            awaitQuietly(gate);
            done.run();
        }));
        for (int i = 0; i < n; i++) {
            int k = i;
            d.add(done -> {
                if (k == 0) {
                    depth[0] = Thread.currentThread().getStackTrace().length;
                } else if (k == n - 1) {
                    depth[1] = Thread.currentThread().getStackTrace().length;
                    last.countDown();
                }
                done.run();
            });
        }
        gate.countDown();
        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(depth[1]).isEqualTo(depth[0]);
    }

    @Test
    void eventStepsAreBoundedControlStepsAreNotAndAThrowingStepIsReportedAndSkipped() throws Exception {
        ConsumerDelivery d = new ConsumerDelivery(pool, 3, failures::add);
        CountDownLatch gate = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        d.add(done -> elsewhere.execute(() -> {
            awaitQuietly(gate);
            done.run();
        }));
        for (int i = 1; i <= 5; i++) {
            String name = "event " + i;
            boolean accepted = d.offerEvent(done -> {
                ran.add(name);
                done.run();
            });
            assertThat(accepted).as(name).isEqualTo(i <= 3);
        }
        d.add(done -> {
            throw new IllegalStateException("boom");
        });
        CountDownLatch end = new CountDownLatch(1);
        d.add(done -> {
            ran.add("control");
            done.run();
            done.run(); // a second call changes nothing
            end.countDown();
        });
        assertThat(d.queuedEvents()).isEqualTo(3);
        gate.countDown();
        assertThat(end.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("event 1", "event 2", "event 3", "control");
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
        assertThat(d.peakQueuedEvents()).isEqualTo(3);
        assertThat(d.queuedEvents()).isZero();
    }

    @Test
    void pushFrontRunsNextAndStepsNeverRunOnTheQueueingThread() throws Exception {
        ConsumerDelivery d = new ConsumerDelivery(pool, -1, failures::add);
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread test = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch end = new CountDownLatch(1);
        CompletableFuture<Void> server = new CompletableFuture<>();
        d.add(done -> {
            threads.add(Thread.currentThread());
            ran.add("catch-up");
            server.thenRun(() -> {
                d.pushFront(List.of(x -> {
                    ran.add("replayed 1");
                    x.run();
                }, x -> {
                    ran.add("replayed 2");
                    x.run();
                }));
                done.run();
            });
        });
        d.offerEvent(done -> {
            threads.add(Thread.currentThread());
            ran.add("live");
            done.run();
            end.countDown();
        });
        server.complete(null); // completes on this (the "DDP") thread
        assertThat(end.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("catch-up", "replayed 1", "replayed 2", "live");
        assertThat(threads).doesNotContain(test);
    }

    @Test
    void closeLetsWaitingStepsRunUntilTheTimeoutThenDropsTheRestAndRefusesMore() throws Exception {
        ConsumerDelivery d = new ConsumerDelivery(pool, -1, failures::add);
        List<String> ran = new CopyOnWriteArrayList<>();
        d.offerEvent(done -> {
            ran.add("1");
            done.run();
        });
        CountDownLatch never = new CountDownLatch(1);
        d.offerEvent(done -> elsewhere.execute(() -> {
            awaitQuietly(never);
            done.run();
        }));
        d.offerEvent(done -> {
            ran.add("3");
            done.run();
        });
        assertThat(d.close(200)).isEqualTo(1);
        assertThat(d.offerEvent(done -> ran.add("late"))).isFalse();
        never.countDown();
        assertThat(ran).containsExactly("1");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
