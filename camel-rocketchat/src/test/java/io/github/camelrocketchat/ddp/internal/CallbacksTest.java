package io.github.camelrocketchat.ddp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class CallbacksTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void completionsAndListenerCallsRunInTheOrderTheyWereHandedOver() {
        Callbacks callbacks = new Callbacks(Runnable::run);
        CompletableFuture<String> f = new CompletableFuture<>();
        f.thenAccept(v -> ran.add("completion " + v));
        callbacks.deliver(() -> ran.add("listener 1"));
        callbacks.complete(f, "a");
        callbacks.deliver(() -> ran.add("listener 2"));
        assertThat(ran).containsExactly("listener 1", "completion a", "listener 2");
    }

    @Test
    void aRefusingExecutorStillCompletesFuturesButDropsListenerCalls() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shut down");
        };
        Callbacks callbacks = new Callbacks(refusing);
        CompletableFuture<String> ok = new CompletableFuture<>();
        CompletableFuture<String> failed = new CompletableFuture<>();
        callbacks.deliver(() -> ran.add("listener"));
        callbacks.complete(ok, "v");
        callbacks.fail(failed, new IllegalStateException("x"));
        assertThat(ok).isCompletedWithValue("v");
        assertThat(failed).isCompletedExceptionally();
        assertThat(ran).isEmpty();
    }
}
