package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.Registration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A consumer's subscription to a classic publication: one {@code sub}, the data messages of one collection
 * merged into document state and handed on as {@link PublicationChange}s. Not shared between consumers
 * (the server's merge box already sends each document once per connection).
 */
final class PublicationWatch implements StreamRegistration, DdpCollectionListener {
    private final PublicationDocuments documents;
    private final Consumer<PublicationChange> sink;
    private final SharedSubscription tracker = new SharedSubscription();
    private final Registration listener;
    private final AtomicBoolean closed = new AtomicBoolean();

    PublicationWatch(DdpConnection ddp, String publication, List<Object> params, String collection,
                     Consumer<PublicationChange> sink) {
        this.documents = new PublicationDocuments(collection);
        this.sink = sink;
        this.listener = ddp.onCollection(collection, this);
        tracker.attach(ddp.subscribe(publication, params, tracker));
    }

    @Override
    public void added(String collection, String id, Map<String, Object> fields) {
        sink.accept(documents.added(id, fields));
    }

    @Override
    public void addedBefore(String collection, String id, Map<String, Object> fields, String before) {
        sink.accept(documents.added(id, fields));
    }

    @Override
    public void changed(String collection, String id, Map<String, Object> fields, List<String> cleared) {
        sink.accept(documents.changed(id, fields, cleared));
    }

    @Override
    public void removed(String collection, String id) {
        sink.accept(documents.removed(id));
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
