package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The stream events Rocket.Chat's listeners emit for changes in the data (reference C.2). Server thread only. */
final class Events {

    private final ServerCore core;

    Events(ServerCore core) {
        this.core = core;
    }

    /** A message inserted or updated: {@code <rid>} and {@code __my_messages__} with its per-subscriber second arg. */
    void message(RoomRecord room, MessageRecord m) {
        ObjectNode doc = Docs.message(m, Dates.EJSON);
        core.hub.emit("stream-room-messages", room.id, Json.arrOf(doc), null);
        core.hub.emit("stream-room-messages", "__my_messages__", null, (c, s) -> {
            UserRecord u = core.user(c.userId);
            if (u == null || !core.chat.canAccess(u, room)) {
                return null;
            }
            ObjectNode info = Json.obj();
            info.put("roomParticipant", core.store.membership(room.id, u.id).isPresent());
            info.put("roomType", room.t);
            if (!room.direct()) {
                info.put("roomName", room.name);
            }
            return Json.arrOf(doc.deepCopy(), info);
        });
    }

    void deleteMessage(String rid, String mid) {
        ObjectNode o = Json.obj();
        o.put("_id", mid);
        core.hub.emit("stream-notify-room", rid + "/deleteMessage", Json.arrOf(o), null);
    }

    void deleteMessageBulk(String rid, ObjectNode query) {
        core.hub.emit("stream-notify-room", rid + "/deleteMessageBulk", Json.arrOf(query), null);
    }

    void messagesRead(String rid, long until, String tmid) {
        ObjectNode o = Json.obj();
        o.set("until", Json.date(until));
        if (tmid != null) {
            o.put("tmid", tmid);
        }
        core.hub.emit("stream-notify-room", rid + "/messagesRead", Json.arrOf(o), null);
    }

    /**
     * Typing: {@code user-activity} plus the legacy {@code typing} bridge (or the reverse for a legacy write);
     * never to the writer's connection.
     */
    void activity(String rid, String username, ArrayNode activities, ObjectNode extras, DdpConnection origin) {
        ArrayNode args = Json.arr();
        args.add(username);
        args.add(activities);
        if (extras != null) {
            args.add(extras);
        }
        core.hub.emit("stream-notify-room", rid + "/user-activity", args, origin);
        boolean typing = false;
        boolean bridged = activities.isEmpty();
        for (var a : activities) {
            if ("user-typing".equals(a.asText())) {
                typing = true;
                bridged = true;
            }
        }
        if (bridged) {
            ArrayNode legacy = Json.arr();
            legacy.add(username);
            legacy.add(typing);
            core.hub.emit("stream-notify-room", rid + "/typing", legacy, origin);
        }
    }

    /** A legacy {@code typing} write, re-emitted as both events. */
    void legacyTyping(String rid, String username, boolean typing, ObjectNode extras, DdpConnection origin) {
        ArrayNode legacy = Json.arr();
        legacy.add(username);
        legacy.add(typing);
        core.hub.emit("stream-notify-room", rid + "/typing", legacy, origin);
        ArrayNode args = Json.arr();
        args.add(username);
        args.add(typing ? Json.arr(java.util.List.of("user-typing")) : Json.arr());
        args.add(extras == null ? Json.obj() : extras);
        core.hub.emit("stream-notify-room", rid + "/user-activity", args, origin);
    }

    void notifyUser(String uid, String event, ArrayNode args) {
        core.hub.emit("stream-notify-user", uid + "/" + event, args, null);
    }

    void notifyLogged(String event, ArrayNode args) {
        core.hub.emit("stream-notify-logged", event, args, null);
    }

    void notifyAll(String event, ArrayNode args) {
        core.hub.emit("stream-notify-all", event, args, null);
    }

    /** Status change: {@code user-status} on notify-logged and, except on 6.x, stream-user-presence. */
    void status(UserRecord u) {
        ArrayNode inner = Json.arr();
        inner.add(u.id);
        inner.add(u.username);
        inner.add(UserRecord.statusCode(u.effectiveStatus()));
        inner.add(u.statusText);
        inner.add(u.name);
        inner.add(Json.arr(u.roles));
        notifyLogged("user-status", Json.arrOf(inner));
        if (!core.dialect.legacy()) {
            core.hub.presence(u);
        }
    }

    void roomChanged(RoomRecord room, String action) {
        for (MembershipRecord m : core.store.membersOf(room.id)) {
            roomChangedFor(m.uid, room, action);
        }
    }

    void roomChangedFor(String uid, RoomRecord room, String action) {
        ObjectNode doc = "removed".equals(action) ? removedRoom(room) : Docs.room(room, Dates.EJSON);
        notifyUser(uid, "rooms-changed", Json.arrOf(textNode(action), doc));
    }

    void subscriptionChanged(MembershipRecord m, String action) {
        ObjectNode doc = "removed".equals(action) ? Docs.membershipRemoved(m) : Docs.membership(m, Dates.EJSON);
        notifyUser(m.uid, "subscriptions-changed", Json.arrOf(textNode(action), doc));
    }

    private static ObjectNode removedRoom(RoomRecord room) {
        ObjectNode o = Json.obj();
        o.put("_id", room.id);
        return o;
    }

    private static com.fasterxml.jackson.databind.node.TextNode textNode(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
    }
}
