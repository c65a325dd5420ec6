package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk delete (a prune) in a room: {@code stream-notify-room} {@code <rid>/deleteMessageBulk}
 * ({@code [{"rid", "excludePinned", "ignoreDiscussion", "ts", "users", "ids"?, ...}]}). A room message consumer
 * delivers one {@link DeletedMessage} per id when the event lists {@code ids}, and this record otherwise (the
 * deleted messages are then described only by the query: time range, users, pinned, files only).
 *
 * @param roomId     the room
 * @param messageIds the deleted ids when the event lists them; empty otherwise
 * @param query      the event's whole document, as sent
 */
public record BulkDeletion(String roomId, List<String> messageIds, Map<String, Object> query) implements RocketChatModel {

    public BulkDeletion {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
        query = query == null ? Map.of() : Values.frozenMap(query);
    }

    /**
     * Reads the event's document; {@code roomId} (from the event name) is used when the document has no {@code rid}.
     *
     * @throws IllegalArgumentException when {@code doc} is not an object
     */
    public static BulkDeletion fromEvent(String roomId, Object doc) {
        Map<String, Object> m = Values.map(doc);
        if (m == null) {
            throw new IllegalArgumentException("deleteMessageBulk: expected an object, got "
                    + (doc == null ? "null" : doc.getClass().getSimpleName()));
        }
        String rid = Values.string(m, "rid");
        return new BulkDeletion(rid != null ? rid : roomId, Values.strings(m.get("ids")), m);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(query);
        Values.put(out, "rid", roomId);
        return out;
    }
}
