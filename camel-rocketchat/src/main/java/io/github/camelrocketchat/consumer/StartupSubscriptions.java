package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.support.Awaits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;

/**
 * Lets the consumers of a starting CamelContext subscribe without waiting, one after another, for each answer: Camel
 * starts routes one at a time, and 10,000 consumers that each wait for their {@code ready} make 10,000 sequential
 * round trips. While the context starts, a consumer sends its {@code sub} and registers the wait here; once every
 * route started, this listener waits for all of them (their frames went out back to back) and fails the context's
 * start, naming the consumer, when one was refused or not answered in its {@code methodTimeout}: what a consumer that
 * waited by itself would have done. A route started later (the context already runs) still waits by itself.
 *
 * <p>Thread-safety: registrations come from the thread starting the routes; the listener runs on that thread too.
 */
public final class StartupSubscriptions implements StartupListener {

    private record Pending(CompletableFuture<Void> ready, long deadlineNanos, String what) {
    }

    private final List<Pending> pending = new ArrayList<>();

    /** True when the context is starting its routes, so the wait can be left to {@link #onCamelContextStarted}. */
    public static boolean deferrable(CamelContext context) {
        return context.getStatus().isStarting();
    }

    synchronized void register(CompletableFuture<Void> ready, long timeoutMillis, String what) {
        pending.add(new Pending(ready, System.nanoTime() + timeoutMillis * 1_000_000L, what));
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        List<Pending> all;
        synchronized (this) {
            all = new ArrayList<>(pending);
            pending.clear();
        }
        for (Pending p : all) {
            long left = Math.max(0, (p.deadlineNanos() - System.nanoTime()) / 1_000_000L);
            Awaits.awaitNamed(p.ready(), left, p.what());
        }
    }
}
