package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stream-user-presence}: {@code fields.uid} and {@code args[0] = [username, statusCode, statusText, ...]}.
 *
 * @param userId     the user
 * @param username   the username
 * @param statusCode {@code 0} offline, {@code 1} online, {@code 2} away, {@code 3} busy
 * @param status     the code's name, null for an unknown code
 * @param statusText the custom status text, or null
 */
public record UserPresence(String userId, String username, Integer statusCode, String status, String statusText)
        implements RocketChatModel {
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "_id", userId);
        Values.put(out, "username", username);
        Values.put(out, "statusCode", statusCode);
        Values.put(out, "status", status);
        Values.put(out, "statusText", statusText);
        return out;
    }
}
