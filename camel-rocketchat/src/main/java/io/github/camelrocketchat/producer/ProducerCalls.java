package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.RocketChatInvalidInputException;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.session.RocketChatCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Producer input to (method, params) and the REST equivalent, per method. The DDP params follow section D of the protocol notes. */
final class ProducerCalls {
    private static final List<String> REST_FEATURES = List.of("alias", "emoji", "avatar", "attachments");

    private ProducerCalls() {
    }

    /**
     * @param in       the exchange's input, room name already resolved
     * @param username the logged-in username (for typing), or null when unknown
     * @param sendId   gives the {@code _id} of a {@code sendMessage} whose message has none
     */
    static RocketChatCall build(ProducerInput in, String username, java.util.function.Supplier<String> sendId) {
        String m = in.method();
        return switch (m) {
            case "sendMessage" -> sendMessage(in, sendId);
            case "updateMessage" -> updateMessage(in);
            case "deleteMessage" -> deleteMessage(in);
            case "setReaction" -> setReaction(in);
            case "createChannel", "createPrivateGroup" -> RocketChatCall.ddp(m, List.of(
                    ProducerArgs.requireText(in.body(), m, "the room name as the body"), in.members(), in.readOnly()));
            case "createDirectMessage" -> RocketChatCall.ddp(m, new ArrayList<>(ProducerArgs.usernames(in.body(), m)));
            case "joinRoom", "leaveRoom" -> RocketChatCall.ddp(m, List.of(roomOrBody(in)));
            case "getRoomRoles" -> {
                String rid = roomOrBody(in);
                yield new RocketChatCall(m, List.of(rid), "rooms.roles",
                        rest -> rest.roomRoles(rid).thenApply(r -> r.get("roles")), false);
            }
            case "subscriptions/get", "rooms/get" -> {
                Instant since = ProducerArgs.instant(in.body(), m, false);
                yield RocketChatCall.ddp(m, since == null ? List.of() : List.of(since));
            }
            case "UserPresence:setDefaultStatus" -> RocketChatCall.ddp(m, List.of(ProducerArgs.status(in.body(), m)));
            case "setUserStatus" -> setUserStatus(in);
            case "loadHistory" -> {
                Instant end = ProducerArgs.instant(in.body(), m, false);
                yield RocketChatCall.ddp(m, Arrays.asList(room(in), end, in.limit(), null, true));
            }
            case "loadMissedMessages" -> RocketChatCall.ddp(m, List.of(room(in), ProducerArgs.instant(in.body(), m, true)));
            default -> m.startsWith("stream-") ? streamWrite(in, username) : RocketChatCall.ddp(m, ProducerArgs.genericParams(in.body()));
        };
    }

    private static RocketChatCall sendMessage(ProducerInput in, java.util.function.Supplier<String> sendId) {
        Map<String, Object> doc = messageDocument(in, "sendMessage");
        if (!(doc.get("_id") instanceof String id) || id.isBlank()) {
            doc.put("_id", sendId.get());
        }
        if (in.threadId() != null) {
            doc.putIfAbsent("tmid", in.threadId());
        }
        putIfAbsent(doc, "alias", in.alias());
        putIfAbsent(doc, "emoji", in.emoji());
        putIfAbsent(doc, "avatar", in.avatar());
        boolean restFeatures = REST_FEATURES.stream().anyMatch(k -> {
            Object v = doc.get(k);
            return v != null && !(v instanceof List<?> l && l.isEmpty());
        });
        // chat.sendMessage, not chat.postMessage: it keeps the client's _id, so a repeat is recognised on REST too
        Map<String, Object> restMessage = new LinkedHashMap<>(doc);
        return new RocketChatCall("sendMessage", List.of(doc), "chat.sendMessage",
                rest -> rest.sendMessage(restMessage).thenApply(r -> r.get("message")), restFeatures);
    }

    private static RocketChatCall updateMessage(ProducerInput in) {
        Map<String, Object> doc = messageDocument(in, "updateMessage");
        if (in.body() instanceof ChatMessage cm && cm.id() != null) {
            doc.put("_id", cm.id());
        }
        if (in.messageId() != null) {
            doc.put("_id", in.messageId());
        }
        if (doc.get("_id") == null) {
            throw invalid("updateMessage needs the message id: set the " + RocketChatConstants.MESSAGE_ID
                    + " header or send a ChatMessage/Map with _id");
        }
        if (in.threadId() != null) {
            doc.putIfAbsent("tmid", in.threadId());
        }
        return RocketChatCall.ddp("updateMessage", List.of(doc));
    }

    /** The message as a mutable document with rid and msg, from a String, a ChatMessage or a Map body. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> messageDocument(ProducerInput in, String method) {
        Map<String, Object> doc;
        Object body = in.body();
        if (body instanceof ChatMessage cm) {
            doc = outgoing(cm);
        } else if (body instanceof Map<?, ?> map) {
            doc = new LinkedHashMap<>((Map<String, Object>) map);
        } else if (body instanceof CharSequence text) {
            doc = new LinkedHashMap<>();
            doc.put("msg", text.toString());
        } else {
            throw invalid(method + " takes a String (the text), a ChatMessage or a Map; got "
                    + (body == null ? "no body" : body.getClass().getName()));
        }
        if (in.roomId() != null) {
            doc.put("rid", in.roomId());
        }
        if (doc.get("rid") == null) {
            throw invalid(method + " needs a room: set roomId or roomName, the " + RocketChatConstants.ROOM_ID
                    + " header, or rid in the message");
        }
        if (!(doc.get("msg") instanceof String)) {
            doc.put("msg", doc.get("msg") == null ? "" : String.valueOf(doc.get("msg")));
        }
        return doc;
    }

    /**
     * The sendable fields of a ChatMessage: a message received from the server (it has a timestamp) is a new
     * message when sent again, so its id, author and dates stay behind; newer servers reject unknown keys.
     */
    private static Map<String, Object> outgoing(ChatMessage cm) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (cm.timestamp() == null) {
            putIfAbsent(doc, "_id", cm.id());
        }
        putIfAbsent(doc, "rid", cm.roomId());
        doc.put("msg", cm.text() == null ? "" : cm.text());
        putIfAbsent(doc, "tmid", cm.threadId());
        putIfAbsent(doc, "tshow", cm.threadShow());
        putIfAbsent(doc, "alias", cm.alias());
        putIfAbsent(doc, "emoji", cm.emoji());
        putIfAbsent(doc, "avatar", cm.avatar());
        putIfAbsent(doc, "attachments", cm.attachments());
        return doc;
    }

    private static RocketChatCall deleteMessage(ProducerInput in) {
        String mid = in.messageId() != null ? in.messageId() : in.body() instanceof CharSequence s ? s.toString()
                : in.body() instanceof ChatMessage cm ? cm.id() : null;
        if (mid == null || mid.isBlank()) {
            throw invalid("deleteMessage needs the message id: the body or the " + RocketChatConstants.MESSAGE_ID + " header");
        }
        String rid = in.roomId() != null ? in.roomId() : in.body() instanceof ChatMessage cm ? cm.roomId() : null;
        return new RocketChatCall("deleteMessage", List.of(Map.of("_id", mid)), "chat.delete", rest -> {
            if (rid == null) {
                return CompletableFuture.failedFuture(invalid("deleteMessage over REST (chat.delete) needs the room: set roomId, "
                        + "roomName or the " + RocketChatConstants.ROOM_ID + " header"));
            }
            return rest.deleteMessage(rid, mid).thenApply(r -> null);
        }, false);
    }

    private static RocketChatCall setReaction(ProducerInput in) {
        String emoji = in.body() instanceof CharSequence s ? s.toString() : in.emoji();
        if (emoji == null || emoji.isBlank()) {
            throw invalid("setReaction needs the emoji (e.g. :thumbsup:) as the body or the emoji option");
        }
        String e = emoji.startsWith(":") ? emoji : ":" + emoji + ":";
        String mid = in.messageId();
        if (mid == null) {
            throw invalid("setReaction needs the message id in the " + RocketChatConstants.MESSAGE_ID + " header");
        }
        List<Object> params = new ArrayList<>(List.of(e, mid));
        if (in.shouldReact() != null) {
            params.add(in.shouldReact());
        }
        return new RocketChatCall("setReaction", params, "chat.react",
                rest -> rest.react(mid, e, in.shouldReact()).thenApply(r -> null), false);
    }

    private static RocketChatCall setUserStatus(ProducerInput in) {
        String status;
        String text = in.statusText();
        if (in.body() instanceof Map<?, ?> map) {
            status = map.get("status") == null ? null : String.valueOf(map.get("status"));
            if (map.get("statusText") != null) {
                text = String.valueOf(map.get("statusText"));
            }
        } else {
            status = in.body() == null ? null : String.valueOf(in.body());
        }
        return RocketChatCall.ddp("setUserStatus", Arrays.asList(ProducerArgs.status(status, "setUserStatus"), text == null ? "" : text));
    }

    private static RocketChatCall streamWrite(ProducerInput in, String username) {
        if (in.eventName() != null) {
            List<Object> params = new ArrayList<>();
            params.add(in.eventName());
            params.addAll(ProducerArgs.genericParams(in.body()));
            return RocketChatCall.ddp(in.method(), params);
        }
        if (!"stream-notify-room".equals(in.method())) {
            throw invalid(in.method() + " needs the event name to write: the " + RocketChatConstants.EVENT_NAME + " header");
        }
        String rid = room(in);
        if (username == null) {
            throw invalid("Typing events carry the username, and this login's username is unknown: set the username option");
        }
        boolean legacy = "typing".equals(in.event());
        List<String> activities = ProducerArgs.activities(in.body());
        List<Object> params = new ArrayList<>();
        params.add(rid + (legacy ? "/typing" : "/user-activity"));
        params.add(username);
        params.add(legacy ? (Object) activities.contains("user-typing") : activities);
        if (!legacy && in.threadId() != null) {
            params.add(Map.of("tmid", in.threadId()));
        }
        return RocketChatCall.ddp(in.method(), params);
    }

    private static String room(ProducerInput in) {
        if (in.roomId() == null) {
            throw invalid(in.method() + " needs a room: set roomId or roomName, or the " + RocketChatConstants.ROOM_ID + " header");
        }
        return in.roomId();
    }

    private static String roomOrBody(ProducerInput in) {
        if (in.roomId() == null && in.body() instanceof CharSequence s && !s.toString().isBlank()) {
            return s.toString();
        }
        return room(in);
    }

    private static void putIfAbsent(Map<String, Object> doc, String key, Object value) {
        if (value != null) {
            doc.putIfAbsent(key, value);
        }
    }

    static RocketChatInvalidInputException invalid(String message) {
        return new RocketChatInvalidInputException(message, "invalid-input", null, null, null, null);
    }
}
