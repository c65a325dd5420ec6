package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.Notification;
import io.github.camelrocketchat.model.PresenceStatus;
import io.github.camelrocketchat.model.Room;
import io.github.camelrocketchat.model.RoomChanged;
import io.github.camelrocketchat.model.RoomSubscription;
import io.github.camelrocketchat.model.SubscriptionChanged;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.UserPresence;
import io.github.camelrocketchat.model.UserStatus;
import io.github.camelrocketchat.model.Values;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a stream event's {@code args} into the typed record for its (stream, event), or gives the
 * {@code args} list back when the shape is unknown. Never throws for a surprising payload: an event whose
 * args do not have the documented shape is delivered as the raw list (and logged once per shape at info).
 */
public final class StreamBodies {
    private static final Logger LOG = LoggerFactory.getLogger(StreamBodies.class);
    private static final Map<String, Boolean> REPORTED = new ConcurrentHashMap<>();

    private StreamBodies() {
    }

    /** The part of an event name after {@code <rid>/} or {@code <uid>/}; the whole name when it has no slash. */
    public static String eventSuffix(String eventName) {
        if (eventName == null) {
            return null;
        }
        int slash = eventName.indexOf('/');
        return slash < 0 ? eventName : eventName.substring(slash + 1);
    }

    /** The room or user id before the slash of an event name, or null. */
    public static String eventPrefix(String eventName) {
        if (eventName == null) {
            return null;
        }
        int slash = eventName.indexOf('/');
        return slash < 0 ? null : eventName.substring(0, slash);
    }

    /** The body for one event: a model record, or {@code event.args()} when no record fits. */
    public static Object toBody(StreamEvent event) {
        try {
            Object body = typed(event);
            if (body != null) {
                return body;
            }
        } catch (RuntimeException e) {
            if (REPORTED.putIfAbsent(event.collection() + "/" + eventSuffix(event.eventName()), Boolean.TRUE) == null) {
                LOG.info("Unexpected args shape for {} event {}: delivering the raw args list ({})",
                        event.collection(), eventSuffix(event.eventName()), e.toString());
            }
        }
        return event.args();
    }

    private static Object typed(StreamEvent event) {
        List<Object> args = event.args();
        String suffix = eventSuffix(event.eventName());
        String prefix = eventPrefix(event.eventName());
        return switch (event.collection()) {
            case "stream-room-messages" -> message(args);
            case "stream-notify-room" -> switch (suffix) {
                case "user-activity" -> new UserActivity(prefix, (String) args.get(0),
                        Values.strings(args.size() > 1 ? args.get(1) : null),
                        args.size() > 2 ? Values.map(args.get(2)) : null);
                case "typing" -> new UserActivity(prefix, (String) args.get(0),
                        Boolean.TRUE.equals(args.get(1)) ? List.of(UserActivity.TYPING) : List.of(), null);
                case "deleteMessage" -> new DeletedMessage(prefix, Values.string(asMap(args.get(0)), "_id"));
                default -> null;
            };
            case "stream-notify-user" -> switch (suffix) {
                case "notification" -> Notification.fromMap(asMap(args.get(0)));
                case "rooms-changed" -> new RoomChanged((String) args.get(0), Room.fromMap(asMap(args.get(1))));
                case "subscriptions-changed" -> new SubscriptionChanged((String) args.get(0),
                        RoomSubscription.fromMap(asMap(args.get(1))));
                case "message" -> message(args);
                default -> null;
            };
            case "stream-notify-logged" -> "user-status".equals(suffix) ? userStatus(args) : null;
            case "stream-user-presence" -> presence(event);
            default -> null;
        };
    }

    private static ChatMessage message(List<Object> args) {
        return ChatMessage.fromMap(asMap(args.get(0)));
    }

    private static UserStatus userStatus(List<Object> args) {
        List<?> s = (List<?>) args.get(0);
        Integer code = Values.integer(s.get(2));
        return new UserStatus((String) s.get(0), (String) s.get(1), code, PresenceStatus.name(code),
                s.size() > 3 ? (String) s.get(3) : null, s.size() > 4 ? (String) s.get(4) : null,
                s.size() > 5 ? Values.strings(s.get(5)) : null);
    }

    private static UserPresence presence(StreamEvent event) {
        List<?> s = (List<?>) event.args().get(0);
        Integer code = Values.integer(s.get(1));
        String uid = event.uid() != null ? event.uid() : event.id();
        return new UserPresence(uid, (String) s.get(0), code, PresenceStatus.name(code),
                s.size() > 2 ? (String) s.get(2) : null);
    }

    private static Map<String, Object> asMap(Object o) {
        Map<String, Object> m = Values.map(o);
        if (m == null) {
            throw new IllegalArgumentException("expected an object, got " + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        return m;
    }
}
