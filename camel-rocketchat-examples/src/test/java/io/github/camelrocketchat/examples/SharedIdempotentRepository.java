package io.github.camelrocketchat.examples;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * One {@link MemoryIdempotentRepository} seen by every node of a test cluster in this JVM, as a JDBC or Infinispan
 * repository would be across JVMs. Each node gets this view, whose start and stop do nothing: Camel adds the
 * repository of an {@code idempotentConsumer} to the node's context, and a stopping context stops it, which clears a
 * memory repository: a node's crash would wipe what the others rely on.
 */
final class SharedIdempotentRepository implements IdempotentRepository {

    private final MemoryIdempotentRepository shared;

    SharedIdempotentRepository(MemoryIdempotentRepository shared) {
        this.shared = shared;
    }

    /** A started memory repository large enough to remember every key of a test. */
    static MemoryIdempotentRepository memory() {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.setCacheSize(1_000_000);
        repository.start();
        return repository;
    }

    @Override
    public boolean add(String key) {
        return shared.add(key);
    }

    @Override
    public boolean contains(String key) {
        return shared.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return shared.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return shared.confirm(key);
    }

    @Override
    public void clear() {
        shared.clear();
    }

    @Override
    public void start() {
        // the test owns the shared repository
    }

    @Override
    public void stop() {
        // the test owns the shared repository
    }
}
