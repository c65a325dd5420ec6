package io.github.camelrocketchat.ddp;

/** Lifecycle of one subscription, on the callback executor. Futures on {@link DdpSubscription} say the same. */
public interface DdpSubscriptionListener {
    DdpSubscriptionListener NONE = new DdpSubscriptionListener() {
    };

    default void onReady(DdpSubscription subscription) {
    }

    /** Ended by {@code nosub} (error null when there was none), by {@code stop()} or by a closed connection. */
    default void onStopped(DdpSubscription subscription, DdpException error) {
    }
}
