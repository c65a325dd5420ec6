package io.github.camelrocketchat.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** At most N requests in flight, the others started in order as slots free up; failures free their slot too. */
class RequestGateTest {

    @Test
    void eightInFlightTheRestInOrderAsSlotsFreeUp() {
        RequestGate gate = new RequestGate(8);
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(gate.submit(() -> {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                started.add(f);
                return f;
            }));
        }
        assertThat(started).hasSize(8);
        assertThat(gate.waiting()).isEqualTo(12);

        started.get(0).complete(0);
        assertThat(answers.get(0)).isCompletedWithValue(0);
        assertThat(started).as("the ninth started when the first ended").hasSize(9);

        started.get(1).completeExceptionally(new IllegalStateException("refused"));
        assertThat(answers.get(1)).isCompletedExceptionally();
        assertThat(started).as("a failure frees its slot").hasSize(10);

        for (int i = 2; i < 20; i++) {
            started.get(i).complete(i);
        }
        assertThat(answers).allMatch(CompletableFuture::isDone);
        assertThat(answers.get(19)).isCompletedWithValue(19);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aRequestThatThrowsWhileStartingFailsItsAnswerAndFreesItsSlot() {
        RequestGate gate = new RequestGate(1);
        CompletableFuture<String> bad = gate.submit(() -> {
            throw new IllegalArgumentException("bad uri");
        });
        assertThat(bad).isCompletedExceptionally();
        CompletableFuture<String> next = gate.submit(() -> CompletableFuture.completedFuture("ok"));
        assertThat(next).isCompletedWithValue("ok");
    }
}
