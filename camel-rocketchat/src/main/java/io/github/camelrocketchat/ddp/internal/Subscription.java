package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The client's handle for one {@code sub}. Its state is written on the connection thread only. */
public final class Subscription implements DdpSubscription {
    /** Where a subscription is in its life. */
    enum State {
        /** Waiting for a ready socket: never sent, or sent on a socket that was lost since. */
        QUEUED,
        /** {@code sub} sent, no {@code ready} yet. */
        SENT,
        READY,
        ENDED
    }

    private final String id;
    private final String name;
    private final List<Object> params;
    private final String frame;
    private final DdpSubscriptionListener listener;
    private final Consumer<Subscription> stopper;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    /** Written on the connection thread only; volatile so {@link #isReady()} may be read from any thread. */
    volatile State state = State.QUEUED;

    /**
     * @param frame   the encoded {@code sub} frame, sent again as is (same id) after each reconnect: the server
     *                session that knew the id is gone with the old socket
     * @param stopper called by {@link #stop()} from any thread; must hand over to the connection thread
     */
    public Subscription(String id, String name, List<Object> params, String frame, DdpSubscriptionListener listener,
                        Consumer<Subscription> stopper) {
        this.id = id;
        this.name = name;
        this.params = params;
        this.frame = frame;
        this.listener = listener;
        this.stopper = stopper;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Object> params() {
        return params;
    }

    public String frame() {
        return frame;
    }

    DdpSubscriptionListener listener() {
        return listener;
    }

    @Override
    public CompletableFuture<Void> ready() {
        return ready;
    }

    @Override
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    @Override
    public boolean isReady() {
        return state == State.READY;
    }

    @Override
    public void stop() {
        stopper.accept(this);
    }

    /** Params are left out: stream subscriptions may carry visitor tokens. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", name=" + name + "]";
    }
}
