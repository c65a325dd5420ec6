package io.github.camelrocketchat.session;

/**
 * Told about the connection of a session that was ready once. Called on the DDP callback thread, in order:
 * return at once (hand over to another thread before running user code).
 */
public interface SessionListener {
    /** The connection dropped; the session reconnects by itself. Calls wait, subscriptions are suspended. */
    default void onSuspended(String reason) {
    }

    /** Connected and logged in again after {@code attempts} attempts; subscriptions are being resumed. */
    default void onRestored(int attempts) {
    }

    /** The session stopped reconnecting ({@code maxReconnectAttempts}); it is dead until its users release it. */
    default void onGaveUp(SessionException error) {
    }

    /** Removes a listener; removing twice is harmless. */
    @FunctionalInterface
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
