package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import java.util.concurrent.CompletableFuture;

/**
 * Tracks one DDP subscription's life for health reporting: pending, ready, ended. "Ready" is read from the
 * subscription's {@code ready} future, which completes before {@link #onReady} runs: a consumer that has
 * awaited the future must never see its subscription reported as pending.
 */
final class SharedSubscription implements DdpSubscriptionListener {
    /** Null until the subscription ends; written on the DDP callback thread, read on any thread. */
    private volatile String ended;
    /** Set once, on the thread that subscribes, before anyone reads it. */
    private volatile DdpSubscription subscription;

    void attach(DdpSubscription sub) {
        this.subscription = sub;
    }

    DdpSubscription subscription() {
        return subscription;
    }

    CompletableFuture<Void> ready() {
        return subscription.ready();
    }

    boolean isActive() {
        return "ready".equals(state());
    }

    /** True once the subscription was stopped or refused: a new registration must subscribe afresh. */
    boolean hasEnded() {
        return ended != null;
    }

    String state() {
        String e = ended;
        if (e != null) {
            return e;
        }
        DdpSubscription s = subscription;
        return s != null && s.ready().isDone() && !s.ready().isCompletedExceptionally() ? "ready" : "pending";
    }

    @Override
    public void onStopped(DdpSubscription sub, DdpException error) {
        ended = error == null ? "stopped" : "failed: " + error.getMessage();
    }

    void stop() {
        DdpSubscription s = subscription;
        if (s != null) {
            s.stop();
        }
    }
}
