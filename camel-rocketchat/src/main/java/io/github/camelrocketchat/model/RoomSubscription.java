package io.github.camelrocketchat.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user's membership in a room ({@code ISubscription}), from {@code subscriptions/get} or
 * {@code subscriptions-changed}.
 *
 * @param id          {@code _id}
 * @param roomId      {@code rid}
 * @param roomType    {@code t}
 * @param name        {@code name}
 * @param displayName {@code fname}
 * @param user        {@code u}
 * @param roles       {@code roles} in the room ({@code owner}, {@code moderator}, {@code leader})
 * @param unread      {@code unread}
 * @param alert       {@code alert}
 * @param open        {@code open}
 * @param updatedAt   {@code _updatedAt}
 * @param other       every other field
 */
public record RoomSubscription(String id, String roomId, String roomType, String name, String displayName,
                               ChatUser user, List<String> roles, Integer unread, Boolean alert, Boolean open,
                               Instant updatedAt, Map<String, Object> other) implements RocketChatModel {

    private static final Set<String> KNOWN = Set.of("_id", "rid", "t", "name", "fname", "u", "roles", "unread",
            "alert", "open", "_updatedAt");

    public RoomSubscription {
        roles = roles == null ? List.of() : List.copyOf(roles);
        other = other == null ? Map.of() : Values.frozenMap(other);
    }

    public static RoomSubscription fromMap(Map<String, Object> m) {
        return new RoomSubscription(Values.string(m, "_id"), Values.string(m, "rid"), Values.string(m, "t"),
                Values.string(m, "name"), Values.string(m, "fname"), ChatUser.fromMap(m.get("u")),
                m.containsKey("roles") ? Values.strings(m.get("roles")) : null, Values.integer(m.get("unread")),
                Values.bool(m, "alert"), Values.bool(m, "open"), Values.instant(m.get("_updatedAt")),
                Values.rest(m, KNOWN));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "_id", id);
        Values.put(out, "rid", roomId);
        Values.put(out, "t", roomType);
        Values.put(out, "name", name);
        Values.put(out, "fname", displayName);
        Values.put(out, "u", user == null ? null : user.toMap());
        if (!roles.isEmpty()) {
            out.put("roles", roles);
        }
        Values.put(out, "unread", unread);
        Values.put(out, "alert", alert);
        Values.put(out, "open", open);
        Values.put(out, "_updatedAt", updatedAt);
        out.putAll(other);
        return out;
    }
}
