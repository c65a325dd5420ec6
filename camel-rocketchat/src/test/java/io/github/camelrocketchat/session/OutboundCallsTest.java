package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.support.FakeScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue on virtual time, with a sender the test answers by hand: order under rate-limit refusals, the
 * one-in-flight recovery, the wait budget, the client-side rate and the pending bound.
 */
class OutboundCallsTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final long origin = scheduler.nanoTime();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(1_700_000_000_000L + (scheduler.nanoTime() - origin) / 1_000_000);
        }
    };
    /** Calls handed to the transport, in order, with the future the test completes. */
    private final List<Handed> handed = new ArrayList<>();
    private boolean connected = true;
    private final OutboundCalls outbound = new OutboundCalls("bot@test", 5, clock, scheduler::schedule, () -> 0.0,
            () -> connected, (call, policy) -> {
                CompletableFuture<Object> result = new CompletableFuture<>();
                handed.add(new Handed(call.params().get(0), result));
                return new OutboundCalls.Sent(CompletableFuture.completedFuture(null), result);
            });

    private record Handed(Object label, CompletableFuture<Object> result) {
    }

    private static final CallPolicy WAITING = new CallPolicy(TransportMode.DDP, Duration.ofSeconds(30), false,
            Duration.ofSeconds(60), null);

    private CompletableFuture<Object> submit(String label, CallPolicy policy) {
        return outbound.submit(RocketChatCall.ddp("sendMessage", List.of(label)), policy);
    }

    /** What the router hands back for a refusal: the DDP error, translated. */
    private static SessionException refused(long timeToReset) {
        return SessionErrors.of(new DdpMethodException("too-many-requests", "Error, too many requests",
                Map.of("timeToReset", timeToReset), null, "sendMessage", "7"), "sendMessage");
    }

    private List<Object> labels() {
        return handed.stream().map(Handed::label).toList();
    }

    @Test
    void refusedCallsAreRetriedInTheirPlaceOneAtATimeAfterTheWait() throws Exception {
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            futures.add(submit("m" + i, WAITING));
        }
        assertThat(labels()).containsExactly("m1", "m2", "m3", "m4");
        handed.get(0).result().complete("ok1");
        // the window ran out at m2: m2..m4 are refused together; nothing goes out before the server's wait
        handed.get(2).result().completeExceptionally(refused(3000));
        handed.get(1).result().completeExceptionally(refused(3000));
        handed.get(3).result().completeExceptionally(refused(3000));
        assertThat(handed).hasSize(4);
        scheduler.advance(Duration.ofMillis(2999));
        assertThat(handed).hasSize(4);
        scheduler.advance(Duration.ofMillis(1));
        // m2 first, alone: m3 waits for its answer
        assertThat(labels()).containsExactly("m1", "m2", "m3", "m4", "m2");
        handed.get(4).result().complete("ok2");
        assertThat(labels()).endsWith("m2", "m3");
        handed.get(5).result().complete("ok3");
        handed.get(6).result().complete("ok4");
        assertThat(labels()).containsExactly("m1", "m2", "m3", "m4", "m2", "m3", "m4");
        for (int i = 0; i < 4; i++) {
            assertThat(futures.get(i).get()).isEqualTo("ok" + (i + 1));
        }
        assertThat(outbound.rateLimitRefusals()).isEqualTo(3);
        // the lane emptied: the next burst is pipelined again
        submit("m5", WAITING);
        submit("m6", WAITING);
        assertThat(labels()).endsWith("m5", "m6");
    }

    @Test
    void aRefusalAskingForMoreThanTheBudgetFailsAtOnce() {
        CallPolicy budget = new CallPolicy(TransportMode.DDP, Duration.ofSeconds(30), false, Duration.ofSeconds(5), null);
        CompletableFuture<Object> f = submit("m1", budget);
        handed.get(0).result().completeExceptionally(refused(5001));
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(SessionException.class)
                .satisfies(e -> assertThat(((SessionException) e).kind()).isEqualTo(SessionException.Kind.RATE_LIMITED))
                .satisfies(e -> assertThat(((SessionException) e).details()).containsEntry("timeToReset", 5001L));
    }

    @Test
    void aCallsOwnRefusalsAddUpToTheBudgetThenItFails() {
        CallPolicy budget = new CallPolicy(TransportMode.DDP, Duration.ofSeconds(30), false, Duration.ofSeconds(5), null);
        CompletableFuture<Object> f = submit("m1", budget);
        handed.get(0).result().completeExceptionally(refused(3000)); // a burst's refusal: queueing, not counted
        scheduler.advance(Duration.ofMillis(3000));
        handed.get(1).result().completeExceptionally(refused(3000)); // its own: 3 s of 5
        scheduler.advance(Duration.ofMillis(3000));
        assertThat(f).isNotDone();
        handed.get(2).result().completeExceptionally(refused(3000)); // 6 s > 5 s
        assertThat(f).isCompletedExceptionally();
        assertThat(handed).hasSize(3);
    }

    @Test
    void zeroBudgetFailsAtTheFirstRefusal() {
        CompletableFuture<Object> f = submit("m1", CallPolicy.of(TransportMode.DDP, Duration.ofSeconds(30)));
        handed.get(0).result().completeExceptionally(refused(10));
        assertThat(f).isCompletedExceptionally();
    }

    @Test
    void aClientSideRateHoldsCallsInOrderUntilTheWindowHasRoom() {
        CallPolicy twoPerSecond = new CallPolicy(TransportMode.DDP, Duration.ofSeconds(30), false, Duration.ZERO,
                CallRate.parse("2/1s"));
        for (int i = 1; i <= 5; i++) {
            submit("m" + i, twoPerSecond);
        }
        assertThat(labels()).containsExactly("m1", "m2");
        scheduler.advance(Duration.ofMillis(999));
        assertThat(labels()).containsExactly("m1", "m2");
        scheduler.advance(Duration.ofMillis(1));
        assertThat(labels()).containsExactly("m1", "m2", "m3", "m4");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(labels()).containsExactly("m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void whileDisconnectedCallsHandedToTheConnectionCountAgainstTheBound() {
        connected = false;
        for (int i = 1; i <= 5; i++) {
            submit("m" + i, WAITING);
        }
        CompletableFuture<Object> sixth = submit("m6", WAITING);
        assertThatThrownBy(sixth::get).cause().isInstanceOf(SessionException.class)
                .hasMessageContaining("5 calls already wait").hasMessageContaining("maxPendingCalls=5")
                .hasMessageContaining("the connection is down")
                .satisfies(e -> assertThat(((SessionException) e).error()).isEqualTo("pending-calls-full"));
        assertThat(outbound.rejectedCalls()).isEqualTo(1);
        connected = true;
        assertThat(submit("m7", WAITING)).isNotDone();
        assertThat(labels()).endsWith("m7");
    }

    @Test
    void closingFailsTheWaitingCallsAndLaterOnes() {
        CompletableFuture<Object> first = submit("m1", WAITING);
        handed.get(0).result().completeExceptionally(refused(1000));
        SessionException gaveUp = new SessionException(SessionException.Kind.CONNECTION_CLOSED, "gave up", "gave-up",
                null, null, null, null);
        outbound.close(gaveUp);
        assertThatThrownBy(first::get).cause().isSameAs(gaveUp);
        assertThatThrownBy(() -> submit("m2", WAITING).get()).cause().isSameAs(gaveUp);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(handed).hasSize(1);
    }

    @Test
    void callRateParsesAndExplains() {
        assertThat(CallRate.parse("5/1s")).isEqualTo(new CallRate(5, Duration.ofSeconds(1)));
        assertThat(CallRate.parse(" 100 / 1m ")).isEqualTo(new CallRate(100, Duration.ofMinutes(1)));
        assertThat(CallRate.parse("2/500ms")).isEqualTo(new CallRate(2, Duration.ofMillis(500)));
        assertThat(CallRate.parse("3/s")).isEqualTo(new CallRate(3, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> CallRate.parse("fast")).hasMessageContaining("rateLimit 'fast'").hasMessageContaining("5/1s");
        assertThatThrownBy(() -> CallRate.parse("0/1s")).hasMessageContaining("at least 1 call");
        assertThatThrownBy(() -> CallRate.parse("99999999999/1s")).hasMessageContaining("out of range");
    }
}
