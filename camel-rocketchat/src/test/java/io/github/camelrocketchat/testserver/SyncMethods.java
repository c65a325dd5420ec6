package io.github.camelrocketchat.testserver;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Data loading methods: subscriptions/get, rooms/get, history, read marks, spotlight (reference D). */
final class SyncMethods {

    private SyncMethods() {
    }

    static void register(MethodRegistry r, ServerCore core) {
        r.add("subscriptions/get", inv -> subscriptions(inv, core));
        r.add("rooms/get", inv -> rooms(inv, core));
        r.add("loadHistory", inv -> loadHistory(inv, core));
        r.add("loadMissedMessages", inv -> loadMissed(inv, core));
        r.add("loadNextMessages", inv -> loadNext(inv, core));
        r.add("readMessages", inv -> readMessages(inv, core));
        r.add("spotlight", inv -> spotlight(inv, core));
    }

    private static JsonNode subscriptions(Invocation inv, ServerCore core) throws MeteorError {
        Long since = inv.optDate(0);
        UserRecord user = inv.user();
        if (user == null) {
            return Json.arr();
        }
        ArrayNode docs = Json.arr();
        core.store.membershipsOf(user.id).stream().filter(m -> since == null || m.updatedAt > since)
                .forEach(m -> docs.add(Docs.membership(m, Dates.EJSON)));
        return since == null ? docs : updateRemove(docs, core, false, user.id, since);
    }

    private static JsonNode rooms(Invocation inv, ServerCore core) throws MeteorError {
        Long since = inv.optDate(0);
        UserRecord user = inv.user();
        if (user == null) {
            return Json.arr();
        }
        ArrayNode docs = Json.arr();
        core.store.membershipsOf(user.id).stream().map(m -> core.store.rooms.get(m.rid))
                .filter(r -> r != null && (since == null || r.updatedAt > since))
                .forEach(r -> docs.add(Docs.room(r, Dates.EJSON)));
        return since == null ? docs : updateRemove(docs, core, true, user.id, since);
    }

    private static ObjectNode updateRemove(ArrayNode update, ServerCore core, boolean byRoom, String uid,
            long since) {
        ObjectNode o = Json.obj();
        o.set("update", update);
        ArrayNode remove = o.putArray("remove");
        for (DataStore.Deleted d : core.store.trash) {
            if ("subscription".equals(d.collection()) && uid.equals(d.uid()) && d.deletedAt() > since) {
                ObjectNode r = remove.addObject();
                r.put("_id", byRoom ? d.rid() : d.id());
                r.set("_deletedAt", Json.date(d.deletedAt()));
            }
        }
        return o;
    }

    /** Visible messages of a room: hard-deleted ones are gone; thread replies optionally hidden. */
    static List<MessageRecord> visible(ServerCore core, String rid, boolean showThreadMessages) {
        return core.store.messagesOf(rid).stream().filter(m -> showThreadMessages || !m.threadReplyHidden())
                .toList();
    }

    private static JsonNode loadHistory(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        Long end = inv.optDate(1);
        int limit = inv.optInt(2, 20);
        Long ls = inv.optDate(3);
        boolean showThreads = inv.optBoolean(4, true);
        UserRecord user = inv.requireUser();
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null || !core.chat.canAccess(user, room)) {
            return BooleanNode.FALSE;
        }
        List<MessageRecord> older = visible(core, rid, showThreads).stream()
                .filter(m -> end == null || m.ts < end)
                .sorted(Comparator.comparingLong((MessageRecord m) -> m.ts).reversed()).limit(limit).toList();
        ObjectNode result = Json.obj();
        ArrayNode messages = result.putArray("messages");
        older.forEach(m -> messages.add(Docs.message(m, Dates.EJSON)));
        if (ls != null && !older.isEmpty()) {
            MessageRecord oldestLoaded = older.get(older.size() - 1);
            if (oldestLoaded.ts > ls) {
                List<MessageRecord> unread = visible(core, rid, showThreads).stream()
                        .filter(m -> m.ts > ls && m.ts < oldestLoaded.ts)
                        .sorted(Comparator.comparingLong(m -> m.ts)).toList();
                if (!unread.isEmpty()) {
                    result.set("firstUnread", Docs.message(unread.get(0), Dates.EJSON));
                }
                result.put("unreadNotLoaded", unread.size());
            }
        }
        return result;
    }

    private static JsonNode loadMissed(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        Long start = inv.param(1) == null ? null : inv.optDate(1);
        if (start == null) {
            throw MeteorError.matchFailed();
        }
        UserRecord user = inv.user();
        RoomRecord room = core.store.rooms.get(rid);
        if (user == null || room == null || !core.chat.canAccess(user, room)) {
            return BooleanNode.FALSE;
        }
        ArrayNode out = Json.arr();
        visible(core, rid, true).stream().filter(m -> m.ts > start)
                .sorted(Comparator.comparingLong((MessageRecord m) -> m.ts).reversed())
                .forEach(m -> out.add(Docs.message(m, Dates.EJSON)));
        return out;
    }

    private static JsonNode loadNext(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        Long end = inv.optDate(1);
        int limit = inv.optInt(2, 20);
        UserRecord user = inv.requireUser();
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null || !core.chat.canAccess(user, room)) {
            return BooleanNode.FALSE;
        }
        ObjectNode result = Json.obj();
        ArrayNode messages = result.putArray("messages");
        visible(core, rid, true).stream().filter(m -> end == null || m.ts > end)
                .sorted(Comparator.comparingLong(m -> m.ts)).limit(limit)
                .forEach(m -> messages.add(Docs.message(m, Dates.EJSON)));
        return result;
    }

    private static JsonNode readMessages(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        inv.optBoolean(1, false);
        UserRecord user = inv.requireUser();
        MembershipRecord sub = core.store.membership(rid, user.id).orElse(null);
        if (sub == null) {
            throw MeteorError.forMethod("error-invalid-subscription", "Invalid subscription", "readMessages");
        }
        long now = core.now();
        sub.ls = now;
        sub.unread = 0;
        sub.alert = false;
        sub.userMentions = 0;
        sub.updatedAt = now;
        core.events.subscriptionChanged(sub, "updated");
        core.events.messagesRead(rid, now, null);
        return null;
    }

    private static JsonNode spotlight(Invocation inv, ServerCore core) throws MeteorError {
        String text = inv.optString(0);
        List<String> exclude = new java.util.ArrayList<>();
        JsonNode usernames = inv.param(1);
        if (usernames != null && usernames.isArray()) {
            usernames.forEach(n -> exclude.add(n.asText()));
        }
        JsonNode type = inv.param(2);
        boolean users = type == null || type.path("users").asBoolean(false);
        boolean rooms = type == null || type.path("rooms").asBoolean(false);
        String q = text == null ? "" : text.replaceFirst("^[@#]", "").toLowerCase(java.util.Locale.ROOT);
        UserRecord me = inv.user();
        ObjectNode result = Json.obj();
        ArrayNode userList = result.putArray("users");
        ArrayNode roomList = result.putArray("rooms");
        if (me == null) {
            return result;
        }
        if (users) {
            core.store.users.values().stream().filter(u -> !exclude.contains(u.username))
                    .filter(u -> u.username.toLowerCase(java.util.Locale.ROOT).contains(q)
                            || u.name.toLowerCase(java.util.Locale.ROOT).contains(q))
                    .limit(20).forEach(u -> {
                        ObjectNode o = userList.addObject();
                        o.put("_id", u.id);
                        o.put("username", u.username);
                        o.put("name", u.name);
                        o.put("status", u.effectiveStatus());
                    });
        }
        if (rooms) {
            core.store.rooms.values().stream().filter(r -> !r.direct() && core.chat.canAccess(me, r))
                    .filter(r -> r.name.toLowerCase(java.util.Locale.ROOT).contains(q)).limit(20).forEach(r -> {
                        ObjectNode o = roomList.addObject();
                        o.put("_id", r.id);
                        o.put("name", r.name);
                        o.put("fname", r.fname);
                        o.put("t", r.t);
                    });
        }
        return result;
    }
}
