package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import java.util.concurrent.CompletableFuture;

/**
 * Tracks one DDP subscription's life for its consumers and their health: pending, ready, interrupted by a lost
 * connection, resumed, ended. "Ready" is read from the subscription itself ({@link DdpSubscription#isReady()}),
 * which is false from a drop until the server accepted the resubscribe: nothing reports a deaf subscription UP.
 *
 * <p>The DDP listener calls arrive on the DDP callback thread in frame order; they are passed to {@link Events}
 * (the owner's sinks) in that order, so a consumer sees interrupted, resumed and the stream events in one order.
 */
final class SharedSubscription implements DdpSubscriptionListener {
    /** What the owner does when the subscription is interrupted, resumed or ends while in use. */
    interface Events {
        void interrupted();

        void resumed();

        void ended(SessionException error);
    }

    private static final Events NONE = new Events() {
        @Override
        public void interrupted() {
        }

        @Override
        public void resumed() {
        }

        @Override
        public void ended(SessionException error) {
        }
    };

    private final Events events;
    /** Null until the subscription ends; written on the DDP callback thread, read on any thread. */
    private volatile String ended;
    /** Set once, on the thread that subscribes, before anyone reads it. */
    private volatile DdpSubscription subscription;
    /** DDP callback thread only: a {@code ready} after the first one is a resume. */
    private boolean readyOnce;
    /** DDP callback thread only: true between an interruption and the next ready. */
    private boolean interrupted;

    SharedSubscription() {
        this(NONE);
    }

    SharedSubscription(Events events) {
        this.events = events;
    }

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
        if (s != null && s.isReady()) {
            return "ready";
        }
        return s != null && s.ready().isDone() && !s.ready().isCompletedExceptionally() ? "resubscribing" : "pending";
    }

    @Override
    public void onReady(DdpSubscription sub) {
        if (!readyOnce) {
            readyOnce = true;
        } else if (interrupted) {
            interrupted = false;
            events.resumed();
        }
    }

    @Override
    public void onInterrupted(DdpSubscription sub) {
        if (readyOnce && !interrupted) {
            interrupted = true;
            events.interrupted();
        }
    }

    @Override
    public void onStopped(DdpSubscription sub, DdpException error) {
        ended = error == null ? "stopped" : "failed: " + error.getMessage();
        if (error != null) {
            events.ended(SessionErrors.of(error, "subscription to " + sub.name()));
        }
    }

    void stop() {
        DdpSubscription s = subscription;
        if (s != null) {
            s.stop();
        }
    }
}
