package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code getRoomRoles} / REST {@code rooms.roles}: a user holding roles in a room.
 *
 * @param roomId {@code rid}
 * @param user   {@code u}
 * @param roles  {@code roles}, e.g. {@code ["owner"]}
 */
public record RoomRole(String roomId, ChatUser user, List<String> roles) implements RocketChatModel {

    public RoomRole {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static RoomRole fromMap(Map<String, Object> m) {
        return new RoomRole(Values.string(m, "rid"), ChatUser.fromMap(m.get("u")), Values.strings(m.get("roles")));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "rid", roomId);
        Values.put(out, "u", user == null ? null : user.toMap());
        out.put("roles", roles);
        return out;
    }
}
