package io.github.camelrocketchat.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.camel.spi.StateRepository;

/**
 * A room message consumer's durable cursor in a {@link StateRepository}: the {@code _updatedAt} of the last message
 * it delivered, and the ids delivered at that very millisecond (usually one), so that a restart neither repeats
 * them nor misses another message of the same millisecond.
 *
 * <p>Key: {@code rocketchat:stream-room-messages:<roomId or __my_messages__>:<routeId>}. Value: the ISO-8601 instant,
 * then a space and the comma-separated ids, e.g. {@code 2026-12-03T08:27:42.123Z mZ8pQ1rT5uV7wX9yA}; an instant
 * alone (written by hand) means "after this instant".
 *
 * @param instant the mark
 * @param ids     the messages delivered at exactly {@code instant}
 */
record ConsumerCursor(Instant instant, List<String> ids) {
    static final String PREFIX = "rocketchat:stream-room-messages:";

    ConsumerCursor {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    /** The repository key of a consumer of {@code roomId} ({@code __my_messages__} for every room) in {@code routeId}. */
    static String key(String roomId, String routeId) {
        return PREFIX + roomId + ":" + routeId;
    }

    /** Reads a stored value; null for null or blank. @throws IllegalArgumentException naming the key for a bad value */
    static ConsumerCursor parse(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        int space = v.indexOf(' ');
        try {
            Instant at = Instant.parse(space < 0 ? v : v.substring(0, space));
            List<String> ids = space < 0 ? List.of() : List.of(v.substring(space + 1).trim().split(","));
            return new ConsumerCursor(at, ids.stream().filter(s -> !s.isBlank()).toList());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The stored cursor " + key + " is not '<ISO-8601 instant> [<id>,...]': '" + value
                    + "'", e);
        }
    }

    /** The stored form. */
    String format() {
        return ids.isEmpty() ? instant.toString() : instant + " " + String.join(",", ids);
    }
}
