package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.model.BulkDeletion;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.Notification;
import io.github.camelrocketchat.model.RoomChanged;
import io.github.camelrocketchat.session.StreamBodies;
import io.github.camelrocketchat.model.SubscriptionChanged;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.UserPresence;
import io.github.camelrocketchat.model.UserStatus;
import io.github.camelrocketchat.session.PublicationChange;
import io.github.camelrocketchat.session.StreamDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Stream events and publication data to exchange body and {@code CamelRocketChat*} headers: the consumer's one
 * place where exchanges meet the model. Stateless apart from its header filter; thread-safe.
 */
final class ConsumerBinding {

    private final HeaderFilterStrategy filter;

    public ConsumerBinding(HeaderFilterStrategy filter) {
        this.filter = filter;
    }

    /** Body and headers for one stream event; {@code messageEvent} is null except for room messages and deletions. */
    public void fillStreamExchange(Exchange exchange, StreamDelivery delivery, MessageEvent messageEvent) {
        fillStreamExchange(exchange, delivery, messageEvent, false);
    }

    /**
     * As {@link #fillStreamExchange(Exchange, StreamDelivery, MessageEvent)}; {@code replayed} marks an event a gap-fill
     * fetched ({@code CamelRocketChatReplayed=true}).
     */
    public void fillStreamExchange(Exchange exchange, StreamDelivery delivery, MessageEvent messageEvent, boolean replayed) {
        if (replayed) {
            header(exchange, RocketChatConstants.REPLAYED, Boolean.TRUE);
        }
        Message msg = exchange.getMessage();
        StreamDelivery event = delivery;
        Object body = delivery.body();
        msg.setBody(body);
        header(exchange, RocketChatConstants.STREAM, event.stream());
        header(exchange, RocketChatConstants.EVENT_NAME, event.eventName());
        if (messageEvent != null) {
            header(exchange, RocketChatConstants.MESSAGE_EVENT, messageEvent.value());
        }
        if (body instanceof ChatMessage m) {
            messageHeaders(exchange, m);
            if (event.args().size() > 1 && event.args().get(1) instanceof Map<?, ?> room) {
                // __my_messages__ adds {roomParticipant, roomType, roomName}
                header(exchange, RocketChatConstants.ROOM_TYPE, room.get("roomType"));
                header(exchange, RocketChatConstants.ROOM_NAME, room.get("roomName"));
                header(exchange, RocketChatConstants.ROOM_PARTICIPANT, room.get("roomParticipant"));
            }
        } else if (body instanceof UserActivity a) {
            header(exchange, RocketChatConstants.ROOM_ID, a.roomId());
            header(exchange, RocketChatConstants.USERNAME, a.username());
            header(exchange, RocketChatConstants.THREAD_ID, a.threadId());
        } else if (body instanceof DeletedMessage d) {
            header(exchange, RocketChatConstants.ROOM_ID, d.roomId());
            header(exchange, RocketChatConstants.MESSAGE_ID, d.messageId());
        } else if (body instanceof BulkDeletion b) {
            header(exchange, RocketChatConstants.ROOM_ID, b.roomId());
        } else if (body instanceof UserStatus s) {
            header(exchange, RocketChatConstants.USER_ID, s.userId());
            header(exchange, RocketChatConstants.USERNAME, s.username());
        } else if (body instanceof UserPresence p) {
            header(exchange, RocketChatConstants.USER_ID, p.userId());
            header(exchange, RocketChatConstants.USERNAME, p.username());
        } else if (body instanceof Notification n) {
            header(exchange, RocketChatConstants.ROOM_ID, n.roomId());
            header(exchange, RocketChatConstants.ROOM_TYPE, n.roomType());
            header(exchange, RocketChatConstants.ROOM_NAME, n.roomName());
            header(exchange, RocketChatConstants.MESSAGE_ID, n.messageId());
            header(exchange, RocketChatConstants.THREAD_ID, n.threadId());
            if (n.sender() != null) {
                header(exchange, RocketChatConstants.USER_ID, n.sender().id());
                header(exchange, RocketChatConstants.USERNAME, n.sender().username());
            }
        } else if (body instanceof RoomChanged r) {
            header(exchange, RocketChatConstants.ACTION, r.action());
            if (r.room() != null) {
                header(exchange, RocketChatConstants.ROOM_ID, r.room().id());
                header(exchange, RocketChatConstants.ROOM_NAME, r.room().name());
                header(exchange, RocketChatConstants.ROOM_TYPE, r.room().type());
            }
        } else if (body instanceof SubscriptionChanged s) {
            header(exchange, RocketChatConstants.ACTION, s.action());
            if (s.subscription() != null) {
                header(exchange, RocketChatConstants.ROOM_ID, s.subscription().roomId());
                header(exchange, RocketChatConstants.ROOM_NAME, s.subscription().name());
                header(exchange, RocketChatConstants.ROOM_TYPE, s.subscription().roomType());
            }
        } else if ("stream-notify-room".equals(event.stream())) {
            header(exchange, RocketChatConstants.ROOM_ID, StreamBodies.eventPrefix(event.eventName()));
        }
    }

    /**
     * The bodies a room message consumer delivers, one exchange each, for a hard deletion event of its room
     * ({@code stream-notify-room} {@code <rid>/deleteMessage} or {@code <rid>/deleteMessageBulk}): the
     * {@link DeletedMessage}; for a bulk delete one {@link DeletedMessage} per listed id, or one {@link BulkDeletion}
     * when the event lists none. An event of an unexpected shape is delivered once, as its raw args.
     */
    public List<Object> hardDeletionBodies(StreamDelivery delivery) {
        StreamDelivery event = delivery;
        if (!"deleteMessageBulk".equals(StreamBodies.eventSuffix(event.eventName()))) {
            return List.of(delivery.body());
        }
        BulkDeletion bulk;
        try {
            bulk = BulkDeletion.fromEvent(StreamBodies.eventPrefix(event.eventName()), event.args().isEmpty() ? null : event.args().get(0));
        } catch (IllegalArgumentException e) {
            return List.of(event.args());
        }
        if (bulk.messageIds().isEmpty()) {
            return List.of(bulk);
        }
        List<Object> out = new ArrayList<>(bulk.messageIds().size());
        bulk.messageIds().forEach(id -> out.add(new DeletedMessage(bulk.roomId(), id)));
        return out;
    }

    /** Body and headers for one of {@link #hardDeletionBodies}: a {@code deleted} message event. */
    public void fillHardDeletionExchange(Exchange exchange, StreamDelivery delivery, Object body) {
        fillHardDeletionExchange(exchange, delivery, body, false);
    }

    /** As {@link #fillHardDeletionExchange(Exchange, StreamDelivery, Object)}, maybe replayed by a gap-fill. */
    public void fillHardDeletionExchange(Exchange exchange, StreamDelivery delivery, Object body, boolean replayed) {
        fillStreamExchange(exchange, delivery.withBody(body), MessageEvent.DELETED, replayed);
    }

    private void messageHeaders(Exchange exchange, ChatMessage m) {
        header(exchange, RocketChatConstants.ROOM_ID, m.roomId());
        header(exchange, RocketChatConstants.MESSAGE_ID, m.id());
        header(exchange, RocketChatConstants.THREAD_ID, m.threadId());
        if (m.author() != null) {
            header(exchange, RocketChatConstants.USER_ID, m.author().id());
            header(exchange, RocketChatConstants.USERNAME, m.author().username());
        }
        header(exchange, RocketChatConstants.TIMESTAMP, m.timestamp());
        header(exchange, RocketChatConstants.UPDATED_AT, m.updatedAt());
        header(exchange, RocketChatConstants.EDITED_AT, m.editedAt());
        header(exchange, RocketChatConstants.MESSAGE_TYPE, m.type());
    }

    /** Body (the merged document) and headers for one publication data message. */
    public void fillPublicationExchange(Exchange exchange, String publication, PublicationChange change) {
        exchange.getMessage().setBody(change.document());
        header(exchange, RocketChatConstants.STREAM, publication);
        header(exchange, RocketChatConstants.COLLECTION, change.collection());
        header(exchange, RocketChatConstants.CHANGE_TYPE, change.changeType());
        header(exchange, RocketChatConstants.DOCUMENT_ID, change.documentId());
    }

    private void header(Exchange exchange, String name, Object value) {
        if (value != null && (filter == null || !filter.applyFilterToExternalHeaders(name, value, exchange))) {
            exchange.getMessage().setHeader(name, value);
        }
    }
}
