package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stream-notify-user} {@code <uid>/rooms-changed}: {@code [action, room]}.
 *
 * @param action {@code inserted}, {@code updated}, {@code removed} or {@code changed}
 * @param room   the room (partial for {@code removed})
 */
public record RoomChanged(String action, Room room) implements RocketChatModel {
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "action", action);
        Values.put(out, "room", room == null ? null : room.toMap());
        return out;
    }
}
