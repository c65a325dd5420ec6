package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stream writes: the {@code stream-notify-room} / {@code stream-notify-user} methods (reference C.1, C.3).
 * A rejected write returns nothing and no error; an accepted one is never echoed to the writer's connection.
 */
final class StreamWriteMethods {

    private StreamWriteMethods() {
    }

    static void register(MethodRegistry r, ServerCore core) {
        r.add("stream-notify-room", inv -> {
            notifyRoom(inv, core);
            return null;
        });
        r.add("stream-notify-user", inv -> {
            notifyUser(inv, core);
            return null;
        });
        r.add("stream-notify-room-users", inv -> null);
    }

    private static void notifyRoom(Invocation inv, ServerCore core) {
        JsonNode event = inv.param(0);
        UserRecord user = inv.user();
        if (event == null || !event.isTextual() || user == null) {
            return;
        }
        String eventName = event.asText();
        int slash = eventName.indexOf('/');
        if (slash < 0) {
            return;
        }
        String rid = eventName.substring(0, slash);
        String type = eventName.substring(slash + 1);
        RoomRecord room = core.store.rooms.get(rid);
        JsonNode who = inv.param(1);
        String expected = core.settings.useRealName ? user.name : user.username;
        if (room == null || !core.chat.canAccess(user, room) || who == null || !expected.equals(who.asText())) {
            return;
        }
        JsonNode extras = inv.param(3);
        ObjectNode extrasObj = extras != null && extras.isObject() ? (ObjectNode) extras : null;
        if ("user-activity".equals(type)) {
            JsonNode activities = inv.param(2);
            if (activities != null && activities.isArray()) {
                core.events.activity(rid, who.asText(), (ArrayNode) activities, extrasObj, inv.conn);
            }
        } else if ("typing".equals(type)) {
            JsonNode typing = inv.param(2);
            if (typing != null && typing.isBoolean()) {
                core.events.legacyTyping(rid, who.asText(), typing.asBoolean(), extrasObj, inv.conn);
            }
        }
    }

    private static void notifyUser(Invocation inv, ServerCore core) {
        JsonNode event = inv.param(0);
        if (event == null || !event.isTextual() || inv.user() == null) {
            return;
        }
        String eventName = event.asText();
        String type = eventName.substring(eventName.indexOf('/') + 1);
        if (!"webrtc".equals(type) && !"otr".equals(type) && !"video-conference".equals(type)) {
            return;
        }
        ArrayNode args = Json.arr();
        for (int i = 1; i < inv.params.size(); i++) {
            args.add(inv.params.get(i));
        }
        core.hub.emit("stream-notify-user", eventName, args, inv.conn);
    }
}
