package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.model.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells {@code created}, {@code edited}, {@code updated} and {@code deleted} apart for messages of
 * {@code stream-room-messages}, where every change re-sends the whole message. Remembers, per room, the text
 * and {@code _updatedAt} of the most recent messages (bounded, least recently seen evicted).
 *
 * <p>Rules: {@code t:"rm"} is deleted. A message seen before is edited when its text changed, updated when
 * only other fields did, and a repeat (the same document, {@code _updatedAt} not newer) is reported as
 * {@code null} so the caller can drop it. A message never seen is created, unless it carries {@code editedAt} (edited) or was
 * written well before its last update (updated: e.g. a reaction to an old message).
 *
 * <p>Not thread-safe: each consumer owns one and uses it on its delivery thread.
 */
public final class MessageEventClassifier {
    /** A first sighting updated this long after its creation is a change to an older message. */
    static final Duration OLD_MESSAGE = Duration.ofSeconds(60);

    private final int maxPerRoom;
    private final int maxRooms;
    private final Map<String, Map<String, Seen>> rooms;

    /** {@code fingerprint}: {@link #fingerprint} of the message, so two changes within one millisecond still differ. */
    private record Seen(String text, Instant updatedAt, boolean deleted, int fingerprint) {
    }

    /**
     * @param maxPerRoom messages remembered per room
     * @param maxRooms   rooms remembered
     */
    public MessageEventClassifier(int maxPerRoom, int maxRooms) {
        if (maxPerRoom < 1 || maxRooms < 1) {
            throw new IllegalArgumentException("cache sizes must be positive");
        }
        this.maxPerRoom = maxPerRoom;
        this.maxRooms = maxRooms;
        this.rooms = lru(maxRooms);
    }

    /** The event for {@code m}, or null for an exact repeat. */
    public MessageEvent classify(ChatMessage m) {
        Map<String, Seen> room = rooms.computeIfAbsent(String.valueOf(m.roomId()), k -> lru(maxPerRoom));
        String key = String.valueOf(m.id());
        Seen before = room.get(key);
        int fingerprint = fingerprint(m);
        room.put(key, new Seen(m.text(), m.updatedAt(), m.isDeleted(), fingerprint));
        if (m.isDeleted()) {
            return before != null && before.deleted() && Objects.equals(before.updatedAt(), m.updatedAt())
                    ? null : MessageEvent.DELETED;
        }
        if (before == null) {
            if (m.editedAt() != null) {
                return MessageEvent.EDITED;
            }
            if (m.timestamp() != null && m.updatedAt() != null
                    && Duration.between(m.timestamp(), m.updatedAt()).compareTo(OLD_MESSAGE) > 0) {
                return MessageEvent.UPDATED;
            }
            return MessageEvent.CREATED;
        }
        boolean sameText = Objects.equals(before.text(), m.text());
        if (sameText && before.fingerprint() == fingerprint && m.updatedAt() != null && before.updatedAt() != null
                && !m.updatedAt().isAfter(before.updatedAt())) {
            return null;
        }
        return sameText ? MessageEvent.UPDATED : MessageEvent.EDITED;
    }

    /**
     * A hash of what a change can alter besides the text (compared on its own): the dates, editor, reactions, pins,
     * thread counts, attachments, URLs, mentions, type, and the other fields except {@code md}, the markdown tree the
     * server derives from the text. Leaving out the text, its tree and the author (which never changes) keeps this to
     * a small part of the message: it runs for every message a consumer sees.
     */
    static int fingerprint(ChatMessage m) {
        int h = Objects.hash(m.updatedAt(), m.editedAt(), m.editedBy(), m.reactions(), m.pinned(), m.threadCount(),
                m.threadLastMessage(), m.attachments(), m.urls(), m.mentions(), m.type(), m.alias(), m.emoji(), m.avatar(),
                m.threadShow());
        if (m.other() != null) {
            for (Map.Entry<String, Object> e : m.other().entrySet()) {
                if (!"md".equals(e.getKey())) {
                    h += Objects.hashCode(e.getKey()) ^ Objects.hashCode(e.getValue());
                }
            }
        }
        return h;
    }

    /** Messages remembered across all rooms (tests). */
    public int size() {
        return rooms.values().stream().mapToInt(Map::size).sum();
    }

    int maxRooms() {
        return maxRooms;
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
