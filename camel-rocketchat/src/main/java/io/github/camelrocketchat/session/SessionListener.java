package io.github.camelrocketchat.session;

/** Told when a ready session loses its connection. Called on the DDP callback thread: return at once. */
@FunctionalInterface
public interface SessionListener {
    void onConnectionLost(String reason, Throwable cause);

    /** Removes a listener; removing twice is harmless. */
    @FunctionalInterface
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
