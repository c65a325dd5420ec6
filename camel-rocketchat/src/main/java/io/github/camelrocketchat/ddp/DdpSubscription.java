package io.github.camelrocketchat.ddp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A live {@code sub}. Data does not flow through it: use the client's collection and stream listeners. With a
 * {@link ReconnectPolicy} it survives a lost connection: it is sent again, with the same id, after each
 * reconnect's handshake.
 */
public interface DdpSubscription {
    /** The client-chosen subscription id. */
    String id();

    /** The publication name, e.g. {@code stream-room-messages}. */
    String name();

    /** The params as given to {@link DdpClient#subscribe}, unmodifiable. */
    List<Object> params();

    /**
     * Completes on the first {@code ready} naming this id (later ones, after a reconnect, are told to the
     * listener); fails with a {@link DdpMethodException} on a {@code nosub} with an error, with
     * {@link DdpConnectionClosedException} when the connection ends for good (a reconnect does not fail it).
     * A {@code nosub} without error before ready completes it exceptionally with a {@link DdpException}
     * that says the server ended the subscription.
     */
    CompletableFuture<Void> ready();

    /**
     * Completes when the subscription has ended for any reason: with null after {@link #stop()} or a
     * {@code nosub} without error; exceptionally with the {@code nosub} error or the connection failure.
     */
    CompletableFuture<Void> stopped();

    /**
     * True between a {@code ready} and the next interruption or end; readable from any thread. The default, for
     * other implementations, says "ready once and not ended".
     */
    default boolean isReady() {
        return ready().isDone() && !ready().isCompletedExceptionally() && !stopped().isDone();
    }

    /** Sends {@code unsub} (when still active). Idempotent. */
    void stop();
}
