package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.model.ChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.StateRepository;

/**
 * What a room message consumer has delivered, for gap-fills: the high-water mark (the newest {@code _updatedAt},
 * else {@code ts}, of the messages it processed, with the ids at that millisecond), a bounded memory of delivered
 * versions ({@code _id} to {@code _updatedAt}) and of hard-deleted ids to remove the overlap between a gap-fill and
 * live events, and the durable cursor in the {@link StateRepository}, if any.
 *
 * <p>Not thread-safe: used on the consumer's delivery steps only (one at a time, with happens-before between them).
 */
final class RoomMarks {
    private static final int MAX_IDS_AT_MARK = 1000;

    private final StateRepository<String, String> repository;
    private final String key;
    private final Map<String, Instant> delivered;
    private final Map<String, Boolean> deleted;
    /** Written in delivery steps; volatile for health details. */
    private volatile Instant mark;
    private final List<String> idsAtMark = new ArrayList<>();
    /** Where to fill from while nothing was delivered: the {@code since} option, or when the consumer started. */
    private Instant anchor;
    /** The newest version a gap-fill delivered: live events up to it may be in the replay. */
    private Instant replayedUpTo;
    private String stored;

    /**
     * @param repository where the cursor is kept, or null
     * @param key        the cursor's key ({@link ConsumerCursor#key})
     * @param memory     delivered versions and deleted ids remembered (each)
     */
    RoomMarks(StateRepository<String, String> repository, String key, int memory) {
        this.repository = repository;
        this.key = key;
        this.delivered = lru(memory);
        this.deleted = lru(memory);
    }

    /**
     * Sets where the first gap-fill starts: the stored cursor, else {@code since}, else {@code startedAt} (then no
     * gap-fill at start). Without a stored cursor, that starting point is stored at once (an instant alone: "after
     * this"), so that a restart, or the next leader behind {@code master:}, also gets what was posted after it when
     * this consumer stopped before delivering anything.
     *
     * @return true when the consumer must gap-fill before its first live event
     */
    boolean start(Instant since, Instant startedAt) {
        ConsumerCursor c = repository == null ? null : ConsumerCursor.parse(key, repository.getState(key));
        if (c != null) {
            mark = c.instant();
            idsAtMark.addAll(c.ids());
            c.ids().forEach(id -> delivered.put(id, c.instant()));
            stored = c.format();
            return true;
        }
        anchor = since != null ? since : startedAt;
        if (repository != null) {
            String value = new ConsumerCursor(anchor, List.of()).format();
            repository.setState(key, value);
            stored = value;
        }
        return since != null;
    }

    /** Where the next gap-fill starts (exclusive): a millisecond before the mark, so its other messages come too. */
    Instant fillFrom() {
        if (mark == null) {
            return anchor;
        }
        return idsAtMark.isEmpty() ? mark : mark.minusMillis(1);
    }

    /**
     * True when {@code m} was delivered already (the same or a newer version). A replayed message is checked against
     * the memory. A live one newer than every replay is new, so two changes of a message within one millisecond both
     * still reach the classifier. A live one older than the newest replayed version is a repeat even when the memory
     * forgot it (a gap-fill can replay more than the memory holds): the server stamps {@code _updatedAt} when it
     * writes, so that version existed when the gap-fill asked, and the gap-fill brought it or a newer one. Only the
     * replay's newest millisecond is left to the memory: a message written in it after the gap-fill asked is new.
     */
    boolean isRepeat(ChatMessage m, boolean replayed) {
        Instant at = m.updatedAt();
        if (at == null) {
            return false;
        }
        if (!replayed) {
            if (replayedUpTo == null || at.isAfter(replayedUpTo)) {
                return false;
            }
            if (at.isBefore(replayedUpTo)) {
                return true;
            }
        }
        Instant seen = delivered.get(m.id());
        return seen != null && !at.isAfter(seen);
    }

    /** {@code m} is being delivered (or filtered): remember it and move the mark. */
    void processed(ChatMessage m, boolean replayed) {
        Instant at = m.updatedAt() != null ? m.updatedAt() : m.timestamp();
        if (m.id() == null || at == null) {
            return;
        }
        delivered.merge(m.id(), at, (a, b) -> a.isAfter(b) ? a : b);
        if (replayed && (replayedUpTo == null || at.isAfter(replayedUpTo))) {
            replayedUpTo = at;
        }
        if (mark == null || at.isAfter(mark)) {
            mark = at;
            idsAtMark.clear();
            idsAtMark.add(m.id());
        } else if (at.equals(mark) && !idsAtMark.contains(m.id()) && idsAtMark.size() < MAX_IDS_AT_MARK) {
            idsAtMark.add(m.id());
        }
    }

    /** True when the hard deletion of {@code messageId} was delivered already; else remembers it. */
    boolean deletedBefore(String messageId) {
        return messageId != null && deleted.put(messageId, Boolean.TRUE) != null;
    }

    /** Writes the cursor when it moved (after the message's exchange completed). */
    void store() {
        if (repository == null || mark == null) {
            return;
        }
        String value = new ConsumerCursor(mark, idsAtMark).format();
        if (!value.equals(stored)) {
            repository.setState(key, value);
            stored = value;
        }
    }

    Instant mark() {
        return mark;
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
