package io.github.camelrocketchat.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A room ({@code IRoom}). Creation methods answer {@code {"rid": ...}}; that id is read as well as {@code _id}.
 *
 * @param id           {@code _id} (or {@code rid})
 * @param type         {@code t}: {@code c} public, {@code p} private, {@code d} direct, {@code l} livechat
 * @param name         {@code name} (absent for direct rooms)
 * @param displayName  {@code fname}
 * @param topic        {@code topic}
 * @param readOnly     {@code ro}
 * @param archived     {@code archived}
 * @param creator      {@code u}
 * @param usersCount   {@code usersCount}
 * @param messageCount {@code msgs}
 * @param updatedAt    {@code _updatedAt}
 * @param other        every other field
 */
public record Room(String id, String type, String name, String displayName, String topic, Boolean readOnly,
                   Boolean archived, ChatUser creator, Integer usersCount, Integer messageCount, Instant updatedAt,
                   Map<String, Object> other) implements RocketChatModel {

    private static final Set<String> KNOWN = Set.of("_id", "t", "name", "fname", "topic", "ro", "archived", "u",
            "usersCount", "msgs", "_updatedAt");

    public Room {
        other = other == null ? Map.of() : Values.frozenMap(other);
    }

    public static Room fromMap(Map<String, Object> m) {
        String id = Values.string(m, "_id");
        Map<String, Object> other = Values.rest(m, KNOWN);
        if (id == null && m.get("rid") != null) {
            id = Values.string(m, "rid");
            Map<String, Object> copy = new LinkedHashMap<>(other);
            copy.remove("rid");
            other = Map.copyOf(copy);
        }
        return new Room(id, Values.string(m, "t"), Values.string(m, "name"), Values.string(m, "fname"),
                Values.string(m, "topic"), Values.bool(m, "ro"), Values.bool(m, "archived"),
                ChatUser.fromMap(m.get("u")), Values.integer(m.get("usersCount")), Values.integer(m.get("msgs")),
                Values.instant(m.get("_updatedAt")), other);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "_id", id);
        Values.put(out, "t", type);
        Values.put(out, "name", name);
        Values.put(out, "fname", displayName);
        Values.put(out, "topic", topic);
        Values.put(out, "ro", readOnly);
        Values.put(out, "archived", archived);
        Values.put(out, "u", creator == null ? null : creator.toMap());
        Values.put(out, "usersCount", usersCount);
        Values.put(out, "msgs", messageCount);
        Values.put(out, "_updatedAt", updatedAt);
        out.putAll(other);
        return out;
    }
}
