package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.support.EndpointNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.github.camelrocketchat.support.OptionLists;

/**
 * What a consumer subscribes to, derived from the endpoint name and options (validated when the consumer is
 * created, so a wrong combination fails before the route starts).
 */
public final class ConsumerTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code stream-room-messages} event name for every room of the user. */
    static final String MY_MESSAGES = "__my_messages__";

    enum Kind { STREAM, PRESENCE, PUBLICATION }

    private enum EventForm { FIXED, ROOM, ROOM_EVENT, USER_EVENT, EVENT }

    private final Kind kind;
    private final String name;
    private final EventForm form;
    private final String event;
    private final List<String> userIds;
    private final List<Object> params;
    private final String collection;

    private ConsumerTarget(Kind kind, String name, EventForm form, String event, List<String> userIds, List<Object> params,
                           String collection) {
        this.kind = kind;
        this.name = name;
        this.form = form;
        this.event = event;
        this.userIds = userIds;
        this.params = params;
        this.collection = collection;
    }

    public static ConsumerTarget of(String name, RocketChatConfiguration c) {
        EndpointNames.validateForConsumer(name);
        boolean room = c.getRoomId() != null || c.getRoomName() != null;
        if (!EndpointNames.isStream(name)) {
            // no collection: every collection's documents (a Meteor publication often publishes several)
            String collection = c.getCollection() == null || c.getCollection().isBlank() ? null : c.getCollection();
            return new ConsumerTarget(Kind.PUBLICATION, name, null, null, List.of(), parseParams(c.getParams()), collection);
        }
        if (c.getEventName() != null) {
            return new ConsumerTarget(Kind.STREAM, name, EventForm.FIXED, c.getEventName(), List.of(), List.of(), null);
        }
        switch (name) {
            case "stream-room-messages" -> {
                require(room, name, "roomId (a room id or __my_messages__) or roomName");
                return new ConsumerTarget(Kind.STREAM, name, EventForm.ROOM, null, List.of(), List.of(), null);
            }
            case "stream-notify-room" -> {
                require(room && c.getEvent() != null, name, "roomId or roomName, and event (user-activity, typing, deleteMessage, "
                        + "deleteMessageBulk, messagesRead, ...)");
                return new ConsumerTarget(Kind.STREAM, name, EventForm.ROOM_EVENT, c.getEvent(), List.of(), List.of(), null);
            }
            case "stream-notify-user" -> {
                require(c.getEvent() != null, name, "event (notification, rooms-changed, subscriptions-changed, message, ...)");
                return new ConsumerTarget(Kind.STREAM, name, EventForm.USER_EVENT, c.getEvent(), List.of(), List.of(), null);
            }
            case "stream-notify-logged", "stream-notify-all" -> {
                require(c.getEvent() != null, name, "event (the whole event name, e.g. user-status, updateAvatar, "
                        + "public-settings-changed)");
                return new ConsumerTarget(Kind.STREAM, name, EventForm.EVENT, c.getEvent(), List.of(), List.of(), null);
            }
            case "stream-user-presence" -> {
                List<String> ids = OptionLists.split(c.getUserIds());
                require(!ids.isEmpty(), name, "userIds (comma-separated user ids to watch)");
                return new ConsumerTarget(Kind.PRESENCE, name, null, null, ids, List.of(), null);
            }
            default -> {
                require(c.getEvent() != null, name, "event (or eventName, the raw event name)");
                return new ConsumerTarget(Kind.STREAM, name, room ? EventForm.ROOM_EVENT : EventForm.EVENT, c.getEvent(),
                        List.of(), List.of(), null);
            }
        }
    }

    private static void require(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException("A rocketchat:" + name + " consumer needs " + what
                    + "; or set eventName to the raw event name");
        }
    }

    public static List<Object> parseParams(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            Object v = JSON.readValue(json, Object.class);
            if (!(v instanceof List<?> l)) {
                throw new IllegalArgumentException("params must be a JSON array, e.g. [\"GENERAL\"]; got a JSON "
                        + (v instanceof Map<?, ?> ? "object" : v == null ? "null" : v.getClass().getSimpleName()));
            }
            return new ArrayList<>(l);
        } catch (JsonProcessingException e) {
            // neither the text nor Jackson's message (it quotes the token it choked on): params may hold a token
            throw new IllegalArgumentException("params is not valid JSON (at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " of " + json.length() + " characters)");
        }
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    /** True when the event name contains the room id. */
    boolean usesRoom() {
        return form == EventForm.ROOM || form == EventForm.ROOM_EVENT;
    }

    /**
     * The {@code stream-notify-room} event names that carry hard deletions of the room this consumer reads, or an
     * empty list: only a {@code stream-room-messages} consumer of one room ({@code roomId}/{@code roomName}, not
     * {@code __my_messages__}) has them, since Rocket.Chat sends hard deletes on that other stream.
     */
    List<String> hardDeletionEvents(String roomId) {
        if (form != EventForm.ROOM || !"stream-room-messages".equals(name) || roomId == null || MY_MESSAGES.equals(roomId)) {
            return List.of();
        }
        return List.of(roomId + "/deleteMessage", roomId + "/deleteMessageBulk");
    }

    /**
     * The room a {@code stream-room-messages} consumer reads, a room id or {@code __my_messages__} (the messages whose
     * missed events a gap-fill can fetch), or null for any other target.
     */
    String roomMessagesOf(String roomId) {
        if (kind != Kind.STREAM || !"stream-room-messages".equals(name)) {
            return null;
        }
        return form == EventForm.FIXED ? event : roomId;
    }

    /** The DDP event name once the room id and the logged-in user id are known. */
    String eventName(String roomId, String userId) {
        return switch (form) {
            case FIXED, EVENT -> event;
            case ROOM -> roomId;
            case ROOM_EVENT -> roomId + "/" + event;
            case USER_EVENT -> userId + "/" + event;
        };
    }

    List<String> userIds() {
        return userIds;
    }

    List<Object> params() {
        return params;
    }

    String collection() {
        return collection;
    }
}
