package io.github.camelrocketchat.ddp.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpStreamListener;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import io.github.camelrocketchat.ddp.StreamEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records every listener event, in order (OkHttp's WebSocketRecorder idea). Tests take events one by one and
 * end with {@link #assertExhausted()}, so a stray or duplicated event fails the test.
 */
public final class EventRecorder implements DdpConnectionListener, DdpCollectionListener, DdpStreamListener,
        DdpSubscriptionListener {

    public record Connected(String session) {
    }

    public record Disconnected(DdpDisconnect disconnect) {
    }

    public record Added(String collection, String id, Map<String, Object> fields) {
    }

    public record Changed(String collection, String id, Map<String, Object> fields, List<String> cleared) {
    }

    public record Removed(String collection, String id) {
    }

    public record AddedBefore(String collection, String id, Map<String, Object> fields, String before) {
    }

    public record MovedBefore(String collection, String id, String before) {
    }

    public record Stream(StreamEvent event, String thread) {
    }

    public record Reconnecting(int attempt, Duration delay) {
    }

    public record GaveUp(DdpException error) {
    }

    public record Ready(String subscriptionId) {
    }

    public record Interrupted(String subscriptionId) {
    }

    public record Stopped(String subscriptionId, DdpException error) {
    }

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void onConnected(String sessionId) {
        events.add(new Connected(sessionId));
    }

    @Override
    public void onDisconnected(DdpDisconnect disconnect) {
        events.add(new Disconnected(disconnect));
    }

    @Override
    public void added(String collection, String id, Map<String, Object> fields) {
        events.add(new Added(collection, id, fields));
    }

    @Override
    public void changed(String collection, String id, Map<String, Object> fields, List<String> cleared) {
        events.add(new Changed(collection, id, fields, cleared));
    }

    @Override
    public void removed(String collection, String id) {
        events.add(new Removed(collection, id));
    }

    @Override
    public void addedBefore(String collection, String id, Map<String, Object> fields, String before) {
        events.add(new AddedBefore(collection, id, fields, before));
    }

    @Override
    public void movedBefore(String collection, String id, String before) {
        events.add(new MovedBefore(collection, id, before));
    }

    @Override
    public void onEvent(StreamEvent event) {
        events.add(new Stream(event, Thread.currentThread().getName()));
    }

    @Override
    public void onReconnecting(int attempt, Duration delay) {
        events.add(new Reconnecting(attempt, delay));
    }

    @Override
    public void onGaveUp(DdpException error) {
        events.add(new GaveUp(error));
    }

    @Override
    public void onReady(DdpSubscription subscription) {
        events.add(new Ready(subscription.id()));
    }

    @Override
    public void onInterrupted(DdpSubscription subscription) {
        events.add(new Interrupted(subscription.id()));
    }

    @Override
    public void onStopped(DdpSubscription subscription, DdpException error) {
        events.add(new Stopped(subscription.id(), error));
    }

    /** The next event, which must be of {@code type} (waits up to 10 s for events from other threads). */
    public <T> T next(Class<T> type) {
        Object e;
        try {
            e = events.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
        assertThat(e).as("next recorded event").isInstanceOf(type);
        return type.cast(e);
    }

    /** Fails when an event is waiting, after letting asynchronous ones arrive for {@code grace}. */
    public void assertExhausted(Duration grace) {
        try {
            Object e = events.poll(grace.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("unexpected extra event").isNull();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** For tests where every callback runs synchronously on the test thread. */
    public void assertExhausted() {
        assertThat(events).as("unexpected extra events").isEmpty();
    }
}
