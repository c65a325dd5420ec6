package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import java.util.concurrent.CompletableFuture;

/** Tracks one DDP subscription's life for health reporting: pending, ready, ended. */
final class SharedSubscription implements DdpSubscriptionListener {
    /** Written on the DDP callback thread, read by health checks on any thread. */
    private volatile String state = "pending";
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
        return "ready".equals(state);
    }

    /** True once the subscription was stopped or refused: a new registration must subscribe afresh. */
    boolean hasEnded() {
        String s = state;
        return s.equals("stopped") || s.startsWith("failed");
    }

    String state() {
        return state;
    }

    @Override
    public void onReady(DdpSubscription sub) {
        state = "ready";
    }

    @Override
    public void onStopped(DdpSubscription sub, DdpException error) {
        state = error == null ? "stopped" : "failed: " + error.getMessage();
    }

    void stop() {
        DdpSubscription s = subscription;
        if (s != null) {
            s.stop();
        }
    }
}
