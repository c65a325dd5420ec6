package io.github.camelrocketchat.ddp;

/**
 * Lifecycle of one subscription, on the callback executor, in order with the client's other callbacks.
 * Futures on {@link DdpSubscription} say the same for the first {@code ready} and the end.
 */
public interface DdpSubscriptionListener {
    DdpSubscriptionListener NONE = new DdpSubscriptionListener() {
    };

    /** A {@code ready} arrived: after the first {@code sub} and again after each resubscribe on a reconnect. */
    default void onReady(DdpSubscription subscription) {
    }

    /**
     * The connection dropped while the subscription was ready; it is re-sent after the reconnect's handshake
     * and {@link #onReady} follows when the server accepts it again. Events published meanwhile are lost.
     */
    default void onInterrupted(DdpSubscription subscription) {
    }

    /**
     * Ended by {@code nosub} (error null when there was none), by {@code stop()}, by {@code close()}, by a lost
     * connection that will not be re-established, or by a {@code nosub} with an error answering a resubscribe.
     */
    default void onStopped(DdpSubscription subscription, DdpException error) {
    }
}
