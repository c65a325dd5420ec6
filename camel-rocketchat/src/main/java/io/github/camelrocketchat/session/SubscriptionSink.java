package io.github.camelrocketchat.session;

/**
 * Where a (possibly shared) subscription delivers to one consumer. Every method is called on the DDP callback
 * thread, in the order the frames arrived, and must return at once (consumers hand over to their own executor).
 *
 * <p>A life with a reconnect reads: events..., {@link #onInterrupted()}, {@link #onResumed()}, events...; events
 * published between the two were not received (gap-fill them from the server). {@link #onEnded} is final.
 *
 * @param <T> what one event is: a {@link StreamDelivery} or a {@link PublicationChange}
 */
@FunctionalInterface
public interface SubscriptionSink<T> {
    void onEvent(T event);

    /** The connection dropped while the subscription was live; events may be missed until {@link #onResumed()}. */
    default void onInterrupted() {
    }

    /** The subscription is live again on a new connection (after the re-login). */
    default void onResumed() {
    }

    /**
     * The subscription ended for good while the consumer still held it: the server refused the resubscribe
     * ({@code nosub} with an error: room gone, access revoked) or the session gave up reconnecting.
     */
    default void onEnded(SessionException error) {
    }
}
