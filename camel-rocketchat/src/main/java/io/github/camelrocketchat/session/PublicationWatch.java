package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.Registration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer's subscription to a classic publication: one {@code sub}, the data messages of one collection (or, with
 * no collection named, of every collection the connection receives) merged into document state per collection and
 * handed on as {@link PublicationChange}s. Not shared between consumers
 * (the server's merge box already sends each document once per connection).
 *
 * <p>After a reconnect the server publishes every document again from scratch: the documents held before are
 * reconciled against the new ones, so a document that is still there gives no second {@code added} (a
 * {@code changed} when it changed meanwhile) and one that is gone gives {@code removed} once the resubscribe is
 * ready.
 */
final class PublicationWatch implements StreamRegistration, DdpCollectionListener, SharedSubscription.Events {
    /** Document state per collection; DDP callback thread only. */
    private final Map<String, PublicationDocuments> documents = new HashMap<>();
    private final SubscriptionSink<PublicationChange> sink;
    private final SharedSubscription tracker = new SharedSubscription(this);
    private final Registration listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    PublicationWatch(DdpConnection ddp, String publication, List<Object> params, String collection,
                     SubscriptionSink<PublicationChange> sink) {
        this.sink = sink;
        this.listener = ddp.onCollection(collection, this);
        tracker.attach(ddp.subscribe(publication, params, tracker));
    }

    @Override
    public void added(String collection, String id, Map<String, Object> fields) {
        emit(documents(collection).added(id, fields));
    }

    @Override
    public void addedBefore(String collection, String id, Map<String, Object> fields, String before) {
        emit(documents(collection).added(id, fields));
    }

    @Override
    public void changed(String collection, String id, Map<String, Object> fields, List<String> cleared) {
        emit(documents(collection).changed(id, fields, cleared));
    }

    @Override
    public void removed(String collection, String id) {
        emit(documents(collection).removed(id));
    }

    private PublicationDocuments documents(String name) {
        return documents.computeIfAbsent(name, PublicationDocuments::new);
    }

    private void emit(PublicationChange change) {
        if (change != null) {
            sink.onEvent(change);
        }
    }

    @Override
    public void interrupted() {
        documents.values().forEach(PublicationDocuments::markStale);
        sink.onInterrupted();
    }

    @Override
    public void resumed() {
        documents.values().forEach(d -> d.sweepStale().forEach(sink::onEvent));
        sink.onResumed();
    }

    @Override
    public void ended(SessionException error) {
        sink.onEnded(error);
    }

    @Override
    public CompletableFuture<Void> ready() {
        return tracker.ready();
    }

    @Override
    public boolean isActive() {
        return !closed.get() && tracker.isActive();
    }

    @Override
    public String describeState() {
        return closed.get() ? "closed" : tracker.state();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            listener.close();
            tracker.stop();
        }
    }
}
