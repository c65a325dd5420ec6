package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.Room;
import io.github.camelrocketchat.model.RoomRole;
import io.github.camelrocketchat.model.RoomSubscription;
import io.github.camelrocketchat.session.RocketChatCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Message;

/** A method's result to the exchange's body and headers, per method. */
final class ProducerResults {
    private ProducerResults() {
    }

    @SuppressWarnings("unchecked")
    static void apply(Message msg, ProducerInput in, RocketChatCall call, Object result) {
        switch (call.method()) {
            case "sendMessage" -> {
                if (!(result instanceof Map<?, ?> map)) {
                    throw new RocketChatException("sendMessage answered no message: the server did not store it (Rocket.Chat "
                            + "reports most sendMessage problems as an ephemeral message on stream-notify-user <userId>/message)",
                            "no-result", null, null, "sendMessage", null);
                }
                message(msg, ChatMessage.fromMap((Map<String, Object>) map));
            }
            case "updateMessage" -> message(msg, ChatMessage.fromMap((Map<String, Object>) call.params().get(0)));
            case "deleteMessage" -> {
                String mid = String.valueOf(((Map<?, ?>) call.params().get(0)).get("_id"));
                msg.setBody(new DeletedMessage(in.roomId(), mid));
                msg.setHeader(RocketChatConstants.MESSAGE_ID, mid);
                setIfPresent(msg, RocketChatConstants.ROOM_ID, in.roomId());
            }
            case "createChannel", "createPrivateGroup", "createDirectMessage" -> {
                if (result instanceof Map<?, ?> map) {
                    Room room = Room.fromMap((Map<String, Object>) map);
                    msg.setBody(room);
                    setIfPresent(msg, RocketChatConstants.ROOM_ID, room.id());
                    setIfPresent(msg, RocketChatConstants.ROOM_NAME, room.name() != null ? room.name()
                            : "createDirectMessage".equals(call.method()) ? null : String.valueOf(call.params().get(0)));
                    setIfPresent(msg, RocketChatConstants.ROOM_TYPE, room.type());
                } else {
                    msg.setBody(result);
                }
            }
            case "joinRoom", "leaveRoom" -> {
                msg.setBody(result);
                msg.setHeader(RocketChatConstants.ROOM_ID, call.params().get(0));
            }
            case "getRoomRoles" -> {
                msg.setBody(list(result, RoomRole::fromMap));
                msg.setHeader(RocketChatConstants.ROOM_ID, call.params().get(0));
            }
            case "subscriptions/get" -> sync(msg, result, RoomSubscription::fromMap);
            case "rooms/get" -> sync(msg, result, Room::fromMap);
            case "loadHistory", "loadMissedMessages" -> {
                Object messages = result instanceof Map<?, ?> map ? map.get("messages") : result;
                List<ChatMessage> list = list(messages, ChatMessage::fromMap);
                // the server answers newest first; routes want to replay in order. Reversing first keeps the
                // server's order among messages of the same millisecond (the sort is stable)
                java.util.Collections.reverse(list);
                list.sort(Comparator.comparing(ChatMessage::timestamp, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())));
                msg.setBody(list);
                msg.setHeader(RocketChatConstants.ROOM_ID, call.params().get(0));
            }
            default -> msg.setBody(result);
        }
    }

    private static void message(Message msg, ChatMessage m) {
        msg.setBody(m);
        setIfPresent(msg, RocketChatConstants.MESSAGE_ID, m.id());
        setIfPresent(msg, RocketChatConstants.ROOM_ID, m.roomId());
        setIfPresent(msg, RocketChatConstants.THREAD_ID, m.threadId());
        setIfPresent(msg, RocketChatConstants.TIMESTAMP, m.timestamp());
    }

    /** {@code subscriptions/get} and {@code rooms/get}: a list, or {@code {update, remove}} when asked with a date. */
    private static <T> void sync(Message msg, Object result, Function<Map<String, Object>, T> mapper) {
        if (result instanceof Map<?, ?> map) {
            msg.setBody(list(map.get("update"), mapper));
            List<String> removed = new ArrayList<>();
            if (map.get("remove") instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> r && r.get("_id") != null) {
                        removed.add(String.valueOf(r.get("_id")));
                    }
                }
            }
            msg.setHeader(RocketChatConstants.REMOVED_IDS, removed);
        } else {
            msg.setBody(list(result, mapper));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value, Function<Map<String, Object>, T> mapper) {
        List<T> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(mapper.apply((Map<String, Object>) m));
                }
            }
        }
        return out;
    }

    private static void setIfPresent(Message msg, String header, Object value) {
        if (value != null) {
            msg.setHeader(header, value);
        }
    }
}
