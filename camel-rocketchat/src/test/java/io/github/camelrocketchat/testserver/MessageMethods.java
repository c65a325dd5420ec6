package io.github.camelrocketchat.testserver;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code sendMessage} and {@code updateMessage} with Rocket.Chat's checks and its swallowed-error quirk
 * (reference D), plus {@code deleteMessage} (6.x only) and {@code setReaction} (6.x and 7.x).
 */
final class MessageMethods {

    /** The 7.1+ allow-list of {@code sendMessage} keys and the type each must have. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(Map.entry("_id", "s"), Map.entry("rid", "s"),
            Map.entry("msg", "s"), Map.entry("tmid", "s"), Map.entry("tshow", "b"), Map.entry("ts", "d"),
            Map.entry("t", "s"), Map.entry("bot", "o"), Map.entry("content", "o"), Map.entry("e2e", "s"),
            Map.entry("e2eMentions", "o"), Map.entry("customFields", "o"), Map.entry("federation", "o"),
            Map.entry("groupable", "b"), Map.entry("sentByEmail", "b"));
    private static final Set<String> EDITABLE = Set.of("msg", "alias", "attachments", "avatar", "emoji", "tshow",
            "customFields", "content", "e2eMentions");
    static final Set<String> SYSTEM_TYPES = Set.of("uj", "ujt", "ul", "ult", "ui", "uir", "au", "ru", "r", "rm",
            "ut", "wm", "user-muted", "user-unmuted", "room-archived", "room-unarchived", "message_pinned",
            "discussion-created", "subscription-role-added", "subscription-role-removed");

    private MessageMethods() {
    }

    static void register(MethodRegistry r, ServerCore core) {
        MessageSender sender = new MessageSender(core);
        r.add("sendMessage", inv -> sendMessage(inv, core, sender));
        r.add("updateMessage", inv -> updateMessage(inv, core));
        if (core.dialect.hasDeleteMessageMethod()) {
            r.add("deleteMessage", inv -> deleteMessage(inv, core));
        }
        if (core.dialect.hasPre8Methods()) {
            r.add("setReaction", inv -> setReaction(inv, core));
        }
    }

    private static JsonNode sendMessage(Invocation inv, ServerCore core, MessageSender sender) throws MeteorError {
        JsonNode message = inv.param(0);
        if (message == null || !message.isObject()) {
            throw MeteorError.matchFailed();
        }
        if (core.dialect.strictSendMessage()) {
            checkStrict((ObjectNode) message);
        }
        UserRecord user = inv.requireUser();
        String t = Json.text(message, "t");
        if (t != null && SYSTEM_TYPES.contains(t)) {
            throw MeteorError.internal();
        }
        try {
            MessageRecord m = sender.send(user, (ObjectNode) message);
            return m == null ? null : Docs.message(m, Dates.EJSON, false);
        } catch (MeteorError e) {
            if ("error-not-allowed".equals(e.code()) || "restricted-workspace".equals(e.code())) {
                throw MeteorError.of(e.code(), e.reason(), methodDetails("sendMessage"));
            }
            return null;
        }
    }

    private static void checkStrict(ObjectNode message) throws MeteorError {
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = ALLOWED.get(e.getKey());
            JsonNode v = e.getValue();
            if (type == null) {
                throw MeteorError.matchFailed();
            }
            boolean ok = v.isNull() || switch (type) {
                case "s" -> v.isTextual();
                case "b" -> v.isBoolean();
                case "d" -> Json.isDate(v);
                default -> v.isObject();
            };
            if (!ok) {
                throw MeteorError.matchFailed();
            }
        }
    }

    private static JsonNode updateMessage(Invocation inv, ServerCore core) throws MeteorError {
        JsonNode message = inv.param(0);
        if (message == null || !message.isObject() || !message.path("_id").isTextual()) {
            throw MeteorError.matchFailed();
        }
        UserRecord user = inv.requireUser();
        MessageRecord original = core.store.messages.get(message.get("_id").asText());
        if (original == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!EDITABLE.contains(e.getKey()) && !sameAsStored(original, e.getKey(), e.getValue())) {
                throw MeteorError.of("error-invalid-update-key", "Cannot update the message " + e.getKey(),
                        methodDetails("updateMessage"));
            }
        }
        String text = Json.text(message, "msg");
        if (text == null || text.equals(original.msg)) {
            return null;
        }
        RoomRecord room = core.store.rooms.get(original.rid);
        MembershipRecord sub = core.store.membership(original.rid, user.id).orElse(null);
        boolean may = core.store.permissions.has(user, sub, "edit-message")
                || (core.settings.allowEditing && original.uid.equals(user.id));
        if (!may) {
            ObjectNode d = methodDetails("updateMessage");
            d.put("action", "Message_editing");
            throw MeteorError.of("error-action-not-allowed", "Message editing not allowed", d);
        }
        if (room == null || !core.chat.canAccess(user, room)) {
            throw MeteorError.internal();
        }
        core.chat.edit(room, original, text, user);
        return null;
    }

    private static boolean sameAsStored(MessageRecord m, String key, JsonNode v) {
        String stored = switch (key) {
            case "_id" -> m.id;
            case "rid" -> m.rid;
            case "tmid" -> m.tmid;
            case "t" -> m.t;
            default -> null;
        };
        if (stored != null) {
            return v.isTextual() && v.asText().equals(stored);
        }
        if ("groupable".equals(key) && m.groupable != null) {
            return v.isBoolean() && v.asBoolean() == m.groupable;
        }
        return false;
    }

    private static JsonNode deleteMessage(Invocation inv, ServerCore core) throws MeteorError {
        JsonNode message = inv.param(0);
        if (message == null || !message.isObject() || !message.path("_id").isTextual()) {
            throw MeteorError.matchFailed();
        }
        UserRecord user = inv.requireUser();
        MessageRecord m = core.store.messages.get(message.get("_id").asText());
        ObjectNode d = methodDetails("deleteMessage");
        d.put("action", "Delete_message");
        if (m == null) {
            throw MeteorError.of("error-action-not-allowed", "Not allowed", d);
        }
        MembershipRecord sub = core.store.membership(m.rid, user.id).orElse(null);
        boolean may = core.store.permissions.has(user, sub, "delete-message")
                || (core.settings.allowDeleting && m.uid.equals(user.id)
                        && core.store.permissions.has(user, sub, "delete-own-message"));
        if (!may) {
            throw MeteorError.of("error-action-not-allowed", "Not allowed", d);
        }
        core.chat.delete(core.store.rooms.get(m.rid), m, user);
        return null;
    }

    private static JsonNode setReaction(Invocation inv, ServerCore core) throws MeteorError {
        String reaction = inv.string(0);
        String messageId = inv.string(1);
        JsonNode should = inv.param(2);
        UserRecord user = inv.requireUser();
        MessageRecord m = core.store.messages.get(messageId);
        RoomRecord room = m == null ? null : core.store.rooms.get(m.rid);
        if (room == null || !core.chat.canAccess(user, room)) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "setReaction");
        }
        core.chat.react(room, m, user, reaction, should == null || should.isNull() ? null : should.asBoolean());
        return null;
    }

    static ObjectNode methodDetails(String method) {
        ObjectNode d = Json.obj();
        d.put("method", method);
        return d;
    }
}
