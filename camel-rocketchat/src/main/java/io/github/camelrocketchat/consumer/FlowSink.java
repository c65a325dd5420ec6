package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.session.SessionException;
import io.github.camelrocketchat.session.SubscriptionSink;
import java.util.function.Consumer;

/**
 * A {@link SubscriptionSink} made of four hand-overs (each queues a step and returns: they run on the DDP callback
 * thread).
 */
record FlowSink<T>(Consumer<T> event, Runnable interrupted, Runnable resumed, Consumer<SessionException> ended)
        implements SubscriptionSink<T> {

    @Override
    public void onEvent(T e) {
        event.accept(e);
    }

    @Override
    public void onInterrupted() {
        interrupted.run();
    }

    @Override
    public void onResumed() {
        resumed.run();
    }

    @Override
    public void onEnded(SessionException error) {
        ended.accept(error);
    }
}
