package io.github.camelrocketchat.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves room names to ids with {@code getRoomIdByNameOrId}, caching each answer for the session's life
 * (a room's id never changes; a renamed room keeps answering under its new name).
 */
final class RoomResolver {
    private final DdpConnection ddp;
    private final Duration timeout;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    RoomResolver(DdpConnection ddp, Duration timeout) {
        this.ddp = ddp;
        this.timeout = timeout;
    }

    /** The room id of {@code nameOrId} (a leading {@code #} is ignored); fails with a message naming the room. */
    CompletableFuture<String> resolve(String nameOrId) {
        String name = nameOrId.startsWith("#") ? nameOrId.substring(1) : nameOrId;
        String cached = cache.get(name);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return ddp.call("getRoomIdByNameOrId", List.of(name), timeout).handle((result, err) -> {
            if (err != null) {
                SessionException e = SessionErrors.of(err, "getRoomIdByNameOrId");
                throw new SessionException(e.kind() == SessionException.Kind.OTHER ? SessionException.Kind.NOT_FOUND : e.kind(),
                        "Room '" + name + "' could not be resolved: " + e.getMessage(), e.error(), e.reason(), e.details(),
                        "getRoomIdByNameOrId", e);
            }
            if (!(result instanceof String rid) || rid.isEmpty()) {
                throw new SessionException(SessionException.Kind.NOT_FOUND, "Room '" + name + "' not found (getRoomIdByNameOrId answered "
                        + (result == null ? "nothing" : result) + ")", "error-room-not-found", null, null, "getRoomIdByNameOrId", null);
            }
            cache.put(name, rid);
            return rid;
        });
    }
}
