package io.github.camelrocketchat.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Several subscriptions one consumer needs as one: ready when all are, active while all are, closed together.
 * A room message consumer holds its room's message stream and the room's hard deletion events this way.
 */
public final class CombinedRegistration implements StreamRegistration {
    private final List<StreamRegistration> parts;

    /** @param parts the first is the main subscription; none may be null */
    public CombinedRegistration(List<StreamRegistration> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no subscription to combine");
        }
        this.parts = List.copyOf(parts);
    }

    /** The parts, the main one first. */
    public List<StreamRegistration> parts() {
        return parts;
    }

    @Override
    public CompletableFuture<Void> ready() {
        return CompletableFuture.allOf(parts.stream().map(StreamRegistration::ready).toArray(CompletableFuture[]::new));
    }

    @Override
    public boolean isActive() {
        return parts.stream().allMatch(StreamRegistration::isActive);
    }

    /** The state of the first part that is not active (the main one first), or {@code ready}. */
    @Override
    public String describeState() {
        for (StreamRegistration p : parts) {
            if (!p.isActive()) {
                return p.describeState();
            }
        }
        return parts.get(0).describeState();
    }

    @Override
    public void close() {
        parts.forEach(StreamRegistration::close);
    }
}
