package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A desktop notification for the logged-in user: {@code stream-notify-user} {@code <uid>/notification}.
 *
 * @param title       the title (room or sender)
 * @param text        the notification text
 * @param roomId      {@code payload.rid}
 * @param roomType    {@code payload.type}
 * @param roomName    {@code payload.name}
 * @param messageId   {@code payload._id}
 * @param threadId    {@code payload.tmid}
 * @param sender      {@code payload.sender}
 * @param payload     the whole payload as sent
 */
public record Notification(String title, String text, String roomId, String roomType, String roomName,
                           String messageId, String threadId, ChatUser sender, Map<String, Object> payload)
        implements RocketChatModel {

    public Notification {
        payload = payload == null ? Map.of() : Values.frozenMap(payload);
    }

    public static Notification fromMap(Map<String, Object> m) {
        Map<String, Object> p = Values.map(m.get("payload"));
        Map<String, Object> payload = p == null ? Map.of() : p;
        return new Notification(Values.string(m, "title"), Values.string(m, "text"), Values.string(payload, "rid"),
                Values.string(payload, "type"), Values.string(payload, "name"), Values.string(payload, "_id"),
                Values.string(payload, "tmid"), ChatUser.fromMap(payload.get("sender")), payload);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "title", title);
        Values.put(out, "text", text);
        out.put("payload", payload);
        return out;
    }
}
