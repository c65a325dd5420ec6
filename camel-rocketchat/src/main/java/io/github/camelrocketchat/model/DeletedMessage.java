package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hard-deleted message: {@code stream-notify-room} {@code <rid>/deleteMessage} ({@code [{"_id": mid}]}), or
 * the answer of a {@code deleteMessage} producer.
 *
 * @param roomId    the room
 * @param messageId the deleted message
 */
public record DeletedMessage(String roomId, String messageId) implements RocketChatModel {
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "rid", roomId);
        Values.put(out, "_id", messageId);
        return out;
    }
}
