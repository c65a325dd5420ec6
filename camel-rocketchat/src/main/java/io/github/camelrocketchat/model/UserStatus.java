package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stream-notify-logged} {@code user-status}: {@code [[uid, username, statusCode, statusText, name, roles]]}.
 *
 * @param userId     the user
 * @param username   the username
 * @param statusCode {@code 0} offline, {@code 1} online, {@code 2} away, {@code 3} busy
 * @param status     the code's name ({@code online}, ...), null for an unknown code
 * @param statusText the custom status text, or null
 * @param name       the display name, or null
 * @param roles      global roles
 */
public record UserStatus(String userId, String username, Integer statusCode, String status, String statusText,
                         String name, List<String> roles) implements RocketChatModel {

    public UserStatus {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "_id", userId);
        Values.put(out, "username", username);
        Values.put(out, "statusCode", statusCode);
        Values.put(out, "status", status);
        Values.put(out, "statusText", statusText);
        Values.put(out, "name", name);
        out.put("roles", roles);
        return out;
    }
}
