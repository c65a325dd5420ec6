package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user as embedded in messages and rooms ({@code u}, {@code editedBy}, {@code sender}).
 *
 * @param id       the user id ({@code _id})
 * @param username the username
 * @param name     the display name, or null
 */
public record ChatUser(String id, String username, String name) implements RocketChatModel {

    /** Reads {@code {_id, username, name}}; null for a null or non-map value. */
    public static ChatUser fromMap(Object value) {
        Map<String, Object> m = Values.map(value);
        if (m == null) {
            return null;
        }
        return new ChatUser(Values.string(m, "_id"), Values.string(m, "username"), Values.string(m, "name"));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "_id", id);
        Values.put(out, "username", username);
        Values.put(out, "name", name);
        return out;
    }
}
