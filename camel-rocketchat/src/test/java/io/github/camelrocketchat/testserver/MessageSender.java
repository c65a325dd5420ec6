package io.github.camelrocketchat.testserver;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rocket.Chat's {@code executeSendMessage}: thread, timestamp, size checks, then room checks and the insert
 * inside a try that reports the failure to the sender as a rocket.cat ephemeral message and rethrows.
 */
final class MessageSender {

    private static final Set<String> NOT_STORED = Set.of("_id", "rid", "ts", "u", "_updatedAt", "parseUrls");
    private static final Map<String, String> TEXTS = Map.of("error-not-allowed", "Not allowed",
            "error-invalid-room", "Invalid room", "error-room-archived", "Room archived");

    private final ServerCore core;

    MessageSender(ServerCore core) {
        this.core = core;
    }

    MessageRecord send(UserRecord user, ObjectNode message) throws MeteorError {
        return send(user, message, null);
    }

    /**
     * @param at the instant to stamp as {@code ts} and {@code _updatedAt} instead of the server clock (test
     *           controls that need distinct, ordered timestamps under a stopped clock); null for the clock
     */
    MessageRecord send(UserRecord user, ObjectNode message, Long at) throws MeteorError {
        String tmid = Json.text(message, "tmid");
        boolean tshow = message.path("tshow").asBoolean(false);
        if (tshow && tmid == null) {
            throw MeteorError.forMethod("invalid-params", "tshow provided but missing tmid", "sendMessage");
        }
        if (tmid != null && !core.settings.threadsEnabled) {
            throw MeteorError.forMethod("error-not-allowed", "not-allowed", "sendMessage");
        }
        long now = at != null ? at : core.now();
        long ts = now;
        JsonNode clientTs = message.get("ts");
        if (Json.isDate(clientTs)) {
            ts = Json.dateMillis(clientTs);
            long diff = Math.abs(ts - now);
            if (diff > 60_000) {
                ObjectNode d = MessageMethods.methodDetails("sendMessage");
                d.put("message_ts", Json.iso(ts));
                d.put("server_ts", now);
                throw MeteorError.of("error-message-ts-out-of-sync", "Message timestamp is out of sync", d);
            }
            if (diff > 10_000) {
                ts = now;
            }
        }
        String text = message.path("msg").isTextual() ? message.get("msg").asText() : "";
        if (text.length() > core.settings.maxMessageSize) {
            throw MeteorError.forMethod("error-message-size-exceeded", "Message size exceeds Message_MaxAllowedSize",
                    "sendMessage");
        }
        String givenRid = Json.text(message, "rid");
        String rid = givenRid;
        if (tmid != null) {
            MessageRecord parent = core.store.messages.get(tmid);
            if (parent != null) {
                tmid = parent.tmid != null ? parent.tmid : tmid;
                rid = parent.rid;
            }
        }
        if (rid == null) {
            throw MeteorError.internal();
        }
        try {
            RoomRecord room = canSend(rid, user);
            String id = Json.text(message, "_id");
            if (id != null && core.store.messages.containsKey(id)) {
                throw MeteorError.of("E11000 duplicate key error collection: rocketchat.rocketchat_message index: _id_ "
                        + "dup key: { _id: \"" + id + "\" }");
            }
            MessageRecord m = new MessageRecord(id == null ? core.ids.id() : id, room.id, text, ts, user);
            m.updatedAt = now;
            m.tmid = tmid;
            copyFields(message, m);
            return core.chat.store(room, m);
        } catch (MeteorError e) {
            core.chat.ephemeral(user.id, givenRid, TEXTS.getOrDefault(e.code(), e.code()));
            throw e;
        }
    }

    /** {@code canSendMessageAsync}: plain errors carrying only a code (so the rethrown error has no reason). */
    RoomRecord canSend(String rid, UserRecord user) throws MeteorError {
        RoomRecord room = core.store.rooms.get(rid);
        if (room == null) {
            throw MeteorError.of("error-invalid-room");
        }
        if (!core.chat.canAccess(user, room)) {
            throw MeteorError.of("error-not-allowed");
        }
        MembershipRecord sub = core.store.membership(rid, user.id).orElse(null);
        if (room.readOnly && !core.store.permissions.has(user, sub, "post-readonly")) {
            throw MeteorError.of("You can't send messages because the room is readonly.");
        }
        return room;
    }

    private static void copyFields(ObjectNode message, MessageRecord m) {
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (NOT_STORED.contains(e.getKey()) || v.isNull()) {
                continue;
            }
            switch (e.getKey()) {
                case "msg", "tmid" -> {
                }
                case "tshow" -> m.tshow = v.asBoolean();
                case "groupable" -> m.groupable = v.asBoolean();
                case "t" -> m.t = v.asText();
                case "alias" -> m.alias = v.asText();
                case "emoji" -> m.emoji = v.asText();
                case "avatar" -> m.avatar = v.asText();
                case "attachments" -> m.attachments = v;
                case "bot" -> m.bot = v;
                case "customFields" -> m.customFields = v;
                default -> m.extra.put(e.getKey(), v);
            }
        }
    }
}
