package io.github.camelrocketchat.rest;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code max} requests of one client in flight; the others wait in order and start as earlier ones end.
 * Without it, 1,000 room consumers gap-filling after a reconnect open 1,000 HTTP/1.1 connections at once: slower
 * than a few kept-alive ones, and what a server's rate limiter and connection limits punish. Thread-safe.
 */
final class RequestGate {
    private final int max;
    /** Guarded by {@code this}. */
    private int running;
    /** Guarded by {@code this}. */
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

    RequestGate(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        this.max = max;
    }

    /** Starts {@code request} now or once a slot is free; its answer completes the returned future. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> f;
            try {
                f = request.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> {
                release();
                if (e != null) {
                    answer.completeExceptionally(e);
                } else {
                    answer.complete(v);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < max;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return answer;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** Requests waiting for a slot (tests). */
    synchronized int waiting() {
        return waiting.size();
    }
}
