package io.github.camelrocketchat.testserver;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The chat REST endpoints and {@code method.call}. Server thread only. */
final class RestChat {

    private final ServerCore core;

    RestChat(ServerCore core) {
        this.core = core;
    }

    /** {@code processWebhookMessage}: alias, emoji, avatar and attachments are allowed here (not over DDP). */
    RestApi.Reply postMessage(UserRecord user, JsonNode body) throws MeteorError {
        String text = body.path("text").asText("");
        if (text.length() > core.settings.maxMessageSize) {
            return RestApi.failure("error-message-size-exceeded");
        }
        String channel = body.hasNonNull("roomId") ? body.get("roomId").asText() : Json.text(body, "channel");
        if (channel == null) {
            throw MeteorError.of("error-invalid-params", "Body param \"roomId\" or \"channel\" is required");
        }
        RoomRecord room = resolve(user, channel);
        if (room == null) {
            throw MeteorError.of("invalid-channel");
        }
        RoomRecord target = new MessageSender(core).canSend(room.id, user);
        MessageRecord m = new MessageRecord(core.ids.id(), target.id, text, core.now(), user);
        m.alias = body.path("alias").asText(body.path("username").asText(""));
        m.groupable = body.has("groupable") ? body.get("groupable").asBoolean() : Boolean.FALSE;
        m.attachments = body.has("attachments") ? body.get("attachments") : Json.arr();
        if (body.hasNonNull("emoji")) {
            m.emoji = body.get("emoji").asText();
        }
        if (body.hasNonNull("avatar")) {
            m.avatar = body.get("avatar").asText();
        }
        if (body.hasNonNull("tmid")) {
            m.tmid = body.get("tmid").asText();
        }
        core.chat.store(target, m);
        ObjectNode o = Json.obj();
        o.put("ts", core.now());
        o.put("channel", channel);
        o.set("message", Docs.message(m, Dates.ISO));
        return RestApi.success(o);
    }

    /**
     * {@code chat.sendMessage}: the {@code message} object goes through {@code executeSendMessage} as the DDP method's
     * does, so it keeps a client {@code _id}; unlike the DDP method's wrapper, REST does not swallow the errors (a
     * repeated {@code _id} answers the duplicate-key error).
     */
    RestApi.Reply sendMessage(UserRecord user, JsonNode body) throws MeteorError {
        JsonNode message = body.get("message");
        if (message == null || !message.isObject()) {
            throw MeteorError.of("error-invalid-params", "The \"message\" parameter must be provided.");
        }
        if (!message.hasNonNull("rid")) {
            throw MeteorError.of("error-invalid-params", "The \"rid\" property on the message object is missing.");
        }
        MessageRecord m = new MessageSender(core).send(user, ((ObjectNode) message).deepCopy());
        ObjectNode o = Json.obj();
        o.set("message", Docs.message(m, Dates.ISO));
        return RestApi.success(o);
    }

    private RoomRecord resolve(UserRecord user, String channel) {
        if (channel.startsWith("#")) {
            return core.store.roomByName(channel.substring(1)).orElse(null);
        }
        if (channel.startsWith("@")) {
            return core.store.userByName(channel.substring(1))
                    .map(other -> core.rooms.direct(java.util.List.of(user, other))).orElse(null);
        }
        return core.store.roomByIdOrName(channel).orElse(null);
    }

    RestApi.Reply delete(UserRecord user, JsonNode body) throws MeteorError {
        String msgId = body.path("msgId").asText(null);
        MessageRecord m = msgId == null ? null : core.store.messages.get(msgId);
        if (m == null) {
            return RestApi.failure("No message found with the id of \"" + msgId + "\".");
        }
        if (!m.rid.equals(body.path("roomId").asText(null))) {
            return RestApi.failure("The room id provided does not match where the message is from.");
        }
        MembershipRecord sub = core.store.membership(m.rid, user.id).orElse(null);
        boolean may = core.store.permissions.has(user, sub, "delete-message")
                || (core.settings.allowDeleting && m.uid.equals(user.id)
                        && core.store.permissions.has(user, sub, "delete-own-message"));
        if (!may) {
            ObjectNode d = MessageMethods.methodDetails("deleteMessage");
            d.put("action", "Delete_message");
            throw MeteorError.of("error-action-not-allowed", "Not allowed", d);
        }
        ObjectNode projected = Json.obj();
        projected.put("_id", m.id);
        projected.put("rid", m.rid);
        ObjectNode u = projected.putObject("u");
        u.put("_id", m.uid);
        u.put("username", m.username);
        u.put("name", m.name);
        core.chat.delete(core.store.rooms.get(m.rid), m, user);
        ObjectNode o = Json.obj();
        o.put("_id", m.id);
        o.put("ts", String.valueOf(core.now()));
        o.set("message", projected);
        return RestApi.success(o);
    }

    RestApi.Reply react(UserRecord user, JsonNode body) throws MeteorError {
        MessageRecord m = core.store.messages.get(body.path("messageId").asText(""));
        if (m == null) {
            throw MeteorError.of("error-message-not-found",
                    "The provided \"messageId\" does not match any existing message.");
        }
        String emoji = body.hasNonNull("emoji") ? body.get("emoji").asText() : Json.text(body, "reaction");
        if (emoji == null || emoji.isEmpty()) {
            throw MeteorError.of("error-emoji-param-not-provided", "The required \"emoji\" param is missing.");
        }
        RoomRecord room = core.store.rooms.get(m.rid);
        if (!core.chat.canAccess(user, room)) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "setReaction");
        }
        JsonNode should = body.get("shouldReact");
        core.chat.react(room, m, user, emoji, should == null || should.isNull() ? null : should.asBoolean());
        return RestApi.success(Json.obj());
    }

    RestApi.Reply roomRoles(UserRecord user, String rid) throws MeteorError {
        if (rid == null) {
            return RestApi.failure("The 'rid' query param is required");
        }
        ObjectNode o = Json.obj();
        ArrayNode roles = RoomMethods.roomRoles(core, rid, user);
        roles.forEach(r -> ((ObjectNode) r).put("_id", r.get("_id").asText()));
        o.set("roles", roles);
        return RestApi.success(o);
    }

    /**
     * {@code chat.getMessage}: the message as stored ("rm" ones included), 400 {@code {"success":false}} with
     * nothing else when there is none (Rocket.Chat's bare {@code API.v1.failure()}), {@code error-not-allowed}
     * from {@code getSingleMessage} when the user cannot access its room.
     */
    RestApi.Reply getMessage(UserRecord user, String msgId) throws MeteorError {
        if (msgId == null) {
            throw MeteorError.of("invalid-params", "must have required property 'msgId'");
        }
        if (msgId.isEmpty()) {
            return RestApi.failure("The \"msgId\" query parameter must be provided.");
        }
        MessageRecord m = core.store.messages.get(msgId);
        if (m == null) {
            ObjectNode o = Json.obj();
            o.put("success", false);
            return new RestApi.Reply(400, o);
        }
        RoomRecord room = core.store.rooms.get(m.rid);
        if (room == null || !core.chat.canAccess(user, room)) {
            throw MeteorError.forMethod("error-not-allowed", "Not allowed", "getSingleMessage");
        }
        ObjectNode o = Json.obj();
        o.set("message", Docs.message(m, Dates.ISO));
        return RestApi.success(o);
    }

    RestApi.Reply syncMessages(UserRecord user, Map<String, String> query) throws MeteorError {
        String roomId = query.get("roomId");
        if (roomId == null || roomId.isEmpty()) {
            throw MeteorError.of("error-param-required", "The required \"roomId\" query param is missing");
        }
        String lastUpdate = query.get("lastUpdate");
        if (lastUpdate == null) {
            throw MeteorError.of("error-param-required", "The \"type\" or \"lastUpdate\" parameters must be provided");
        }
        Long since = Json.parseIso(lastUpdate);
        if (since == null) {
            throw MeteorError.of("error-lastUpdate-param-invalid", "The \"lastUpdate\" query parameter must be a valid date");
        }
        RoomRecord room = core.store.rooms.get(roomId);
        if (room == null || !core.chat.canAccess(user, room)) {
            throw MeteorError.of("error-not-allowed", "Not allowed");
        }
        ObjectNode result = Json.obj();
        ArrayNode updated = result.putArray("updated");
        core.store.messagesOf(roomId).stream().filter(m -> m.updatedAt > since)
                .sorted((a, b) -> Long.compare(b.updatedAt, a.updatedAt))
                .forEach(m -> updated.add(Docs.message(m, Dates.ISO)));
        ArrayNode deleted = result.putArray("deleted");
        core.store.trash.stream().filter(d -> "message".equals(d.collection()) && roomId.equals(d.rid())
                && d.deletedAt() > since).forEach(d -> {
                    ObjectNode x = deleted.addObject();
                    x.put("_id", d.id());
                    x.put("_deletedAt", Json.iso(d.deletedAt()));
                });
        ObjectNode o = Json.obj();
        o.set("result", result);
        return RestApi.success(o);
    }

    /**
     * {@code method.call}: the body's {@code message} is a stringified DDP method frame; the answer's
     * {@code message} a stringified result frame. 8.x answers errors with HTTP 400 and {@code success:false}.
     */
    RestApi.Reply methodCall(UserRecord user, String tokenHash, JsonNode body) {
        JsonNode message = body.get("message");
        if (message == null || !message.isTextual()) {
            return RestApi.failure("Match error: Expected string, got " + (message == null ? "undefined" : "object"));
        }
        JsonNode call = Json.parseOrNull(message.asText());
        if (call == null || !call.isObject() || !"method".equals(Json.text(call, "msg"))
                || !Json.isString(call.get("method")) || !Json.isString(call.get("id"))
                || (call.has("params") && !call.get("params").isArray())) {
            return RestApi.failure("Invalid method call");
        }
        DdpConnection pseudo = new DdpConnection("rest:" + (user == null ? "anonymous" : user.id),
                Peer.NONE, core.recorder);
        pseudo.userId = user == null ? null : user.id;
        pseudo.tokenHash = tokenHash;
        ArrayNode params = call.has("params") ? (ArrayNode) call.get("params") : Json.arr();
        Invocation inv = new Invocation(core, pseudo, call.get("method").asText(), params);
        MethodRegistry.Outcome out = core.methods.run(inv, call.get("id").asText());
        ObjectNode o = Json.obj();
        o.put("message", Json.write(out.frame()));
        boolean failed = out.failed() && core.dialect.methodCallErrorsAre400();
        o.put("success", !failed);
        return new RestApi.Reply(failed ? 400 : 200, o);
    }
}
