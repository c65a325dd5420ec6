package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Room methods (reference D): create, join, leave, lookups, members; {@code getRoomRoles} before 8.0. */
final class RoomMethods {

    private RoomMethods() {
    }

    static void register(MethodRegistry r, ServerCore core) {
        r.add("createChannel", inv -> create(inv, core, "c", "create-c"));
        r.add("createPrivateGroup", inv -> create(inv, core, "p", "create-p"));
        r.add("createDirectMessage", inv -> createDirect(inv, core));
        r.add("joinRoom", inv -> join(inv, core));
        r.add("leaveRoom", inv -> leave(inv, core));
        r.add("getRoomIdByNameOrId", inv -> roomIdByNameOrId(inv, core));
        r.add("getRoomByTypeAndName", inv -> roomByTypeAndName(inv, core));
        r.add("getUsersOfRoom", inv -> usersOfRoom(inv, core));
        if (core.dialect.hasPre8Methods()) {
            r.add("getRoomRoles", inv -> roomRoles(core, inv.string(0), inv.requireUser()));
        }
    }

    private static JsonNode create(Invocation inv, ServerCore core, String type, String permission)
            throws MeteorError {
        String name = inv.string(0);
        List<String> members = stringList(inv.param(1));
        boolean readOnly = inv.optBoolean(2, false);
        UserRecord user = inv.requireUser();
        if (!core.store.permissions.has(user, null, permission)) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", inv.method);
        }
        RoomRecord room = core.rooms.create(type, name, user, members, readOnly);
        ObjectNode result = Json.obj();
        result.put("rid", room.id);
        Docs.room(room, Dates.EJSON).fields().forEachRemaining(e -> result.set(e.getKey(), e.getValue()));
        return result;
    }

    private static List<String> stringList(JsonNode n) throws MeteorError {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw MeteorError.matchFailed();
        }
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw MeteorError.matchFailed();
            }
            out.add(v.asText());
        }
        return out;
    }

    private static JsonNode createDirect(Invocation inv, ServerCore core) throws MeteorError {
        List<String> usernames = stringList(inv.params);
        UserRecord me = inv.requireUser();
        List<UserRecord> users = new ArrayList<>();
        users.add(me);
        for (String name : usernames) {
            UserRecord u = core.store.userByName(name).orElse(null);
            if (u == null) {
                throw MeteorError.invalidUser("createDirectMessage");
            }
            users.add(u);
        }
        if (!core.store.permissions.has(me, null, "create-d")) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "createDirectMessage");
        }
        RoomRecord room = core.rooms.direct(users);
        ObjectNode doc = Docs.room(room, Dates.EJSON);
        ObjectNode result = Json.obj();
        result.put("t", "d");
        result.put("rid", room.id);
        result.set("usernames", doc.get("usernames"));
        doc.remove(List.of("_id", "t", "usernames"));
        result.setAll(doc);
        return result;
    }

    private static JsonNode join(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        String code = inv.optString(1);
        UserRecord user = inv.requireUser();
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null) {
            throw MeteorError.forMethod("error-invalid-room", "Invalid room", "joinRoom");
        }
        // joinRoom asks canAccessRoom (view-c-room for a public room), not canReadRoom (preview-c-room): a bot,
        // which lacks preview-c-room by default, may still join public rooms
        if (!"c".equals(room.t) || !core.store.permissions.has(user, null, "view-c-room")) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "joinRoom");
        }
        if (room.joinCode != null && !room.joinCode.equals(code)
                && !core.store.permissions.has(user, null, "join-without-join-code")) {
            throw MeteorError.forMethod("error-code-invalid", "Invalid Room Password", "joinRoom");
        }
        core.rooms.addMember(room, user, null, true);
        return null;
    }

    private static JsonNode leave(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        UserRecord user = inv.requireUser();
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null) {
            throw MeteorError.forMethod("error-invalid-room", "Invalid room", "leaveRoom");
        }
        if (room.direct()) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "leaveRoom");
        }
        MembershipRecord sub = core.store.membership(rid, user.id).orElse(null);
        if (sub == null) {
            throw MeteorError.forMethod("error-user-not-in-room", "You are not in this room", "leaveRoom");
        }
        if (sub.roles.contains("owner") && core.store.membersOf(rid).stream()
                .noneMatch(m -> m != sub && m.roles.contains("owner")) && room.usersCount > 1) {
            throw MeteorError.forMethod("error-you-are-last-owner",
                    "You are the last owner. Please set new owner before leaving the room.", "leaveRoom");
        }
        core.rooms.removeMember(room, user, null);
        return null;
    }

    private static JsonNode roomIdByNameOrId(Invocation inv, ServerCore core) throws MeteorError {
        String nameOrId = inv.string(0);
        RoomRecord room = core.store.roomByIdOrName(nameOrId).orElse(null);
        if (room == null || !core.chat.canAccess(inv.user(), room)) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "getRoomIdByNameOrId");
        }
        return TextNode.valueOf(room.id);
    }

    private static JsonNode roomByTypeAndName(Invocation inv, ServerCore core) throws MeteorError {
        String type = inv.string(0);
        String name = inv.string(1);
        UserRecord user = inv.user();
        if (user == null) {
            throw MeteorError.invalidUser("getRoomByTypeAndName");
        }
        RoomRecord room = core.store.rooms.values().stream()
                .filter(r -> r.t.equals(type) && (name.equals(r.name) || name.equals(r.id)
                        || (r.direct() && r.usernames.contains(name) && r.uids.contains(user.id))))
                .findFirst().orElse(null);
        if (room == null) {
            throw MeteorError.forMethod("error-invalid-room", "Invalid room", "getRoomByTypeAndName");
        }
        if (!core.chat.canAccess(user, room)) {
            throw MeteorError.forMethod("error-no-permission", "No permission", "getRoomByTypeAndName");
        }
        ObjectNode doc = Docs.room(room, Dates.EJSON);
        doc.remove("lastMessage");
        return doc;
    }

    private static JsonNode usersOfRoom(Invocation inv, ServerCore core) throws MeteorError {
        String rid = inv.string(0);
        boolean showAll = inv.optBoolean(1, false);
        JsonNode page = inv.param(2);
        String filter = inv.optString(3);
        UserRecord user = inv.requireUser();
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null) {
            throw MeteorError.forMethod("error-invalid-room", "Invalid room", "getUsersOfRoom");
        }
        if (!core.chat.canAccess(user, room)) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "getUsersOfRoom");
        }
        int limit = page == null ? 0 : page.path("limit").asInt(0);
        int skip = page == null ? 0 : page.path("skip").asInt(0);
        List<UserRecord> members = core.store.membersOf(rid).stream().map(m -> core.user(m.uid))
                .filter(u -> u != null && (showAll || !"offline".equals(u.effectiveStatus())))
                .filter(u -> filter == null || u.username.contains(filter) || u.name.contains(filter))
                .sorted((a, b) -> a.username.compareTo(b.username)).toList();
        ArrayNode records = Json.arr();
        members.stream().skip(skip).limit(limit > 0 ? limit : Long.MAX_VALUE)
                .forEach(u -> records.add(Docs.userSummary(u)));
        ObjectNode result = Json.obj();
        result.put("total", members.size());
        result.set("records", records);
        return result;
    }

    /** Members with room roles: {@code [{_id, rid, u:{_id,username,name}, roles}]} (also REST rooms.roles). */
    static ArrayNode roomRoles(ServerCore core, String rid, UserRecord caller) throws MeteorError {
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null || !core.chat.canAccess(caller, room)) {
            throw MeteorError.forMethod("error-invalid-room", "Invalid room", "getRoomRoles");
        }
        ArrayNode out = Json.arr();
        for (MembershipRecord m : core.store.membersOf(rid)) {
            if (m.roles.isEmpty()) {
                continue;
            }
            ObjectNode o = out.addObject();
            o.put("_id", m.id);
            o.put("rid", m.rid);
            ObjectNode u = o.putObject("u");
            u.put("_id", m.uid);
            u.put("username", m.username);
            u.put("name", m.userName);
            o.set("roles", Json.arr(m.roles));
        }
        return out;
    }
}
