package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.rest.RestException;
import io.github.camelrocketchat.rest.RocketChatRestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a room consumer missed while it was away (a reconnect, a backlog it skipped, an application restart): the
 * messages created or changed after a point in time, then the hard deletions, as the same deliveries the live
 * streams give. REST {@code chat.syncMessages} knows edits and deletions; where it is missing (404) DDP
 * {@code loadMissedMessages} gives the new messages only.
 */
final class MissedEvents {
    static final String MY_MESSAGES = "__my_messages__";
    private static final String ROOM_MESSAGES = "stream-room-messages";
    private static final Comparator<StreamDelivery> BY_UPDATE = Comparator.comparing(
            (StreamDelivery d) -> ((ChatMessage) d.body()).updatedAt(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final DdpConnection ddp;
    private final RocketChatRestClient rest;
    private final Duration timeout;

    MissedEvents(DdpConnection ddp, RocketChatRestClient rest, SessionTransportSelector transports, Duration timeout) {
        this.ddp = ddp;
        this.rest = rest;
        this.timeout = timeout;
    }

    CompletableFuture<List<StreamDelivery>> since(String roomId, Instant since) {
        if (!MY_MESSAGES.equals(roomId)) {
            return room(roomId, since, null);
        }
        return ddp.call("subscriptions/get", List.of(), timeout).thenCompose(subs -> {
            List<CompletableFuture<List<StreamDelivery>>> parts = new ArrayList<>();
            if (subs instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> s && s.get("rid") instanceof String rid) {
                        parts.add(room(rid, since, roomInfo(s)));
                    }
                }
            }
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<StreamDelivery> messages = new ArrayList<>();
                List<StreamDelivery> deletions = new ArrayList<>();
                for (CompletableFuture<List<StreamDelivery>> p : parts) {
                    for (StreamDelivery d : p.join()) {
                        (d.body() instanceof ChatMessage ? messages : deletions).add(d);
                    }
                }
                messages.sort(BY_UPDATE);
                messages.addAll(deletions);
                return messages;
            });
        });
    }

    /** @param info the {@code __my_messages__} second arg, or null for a one-room consumer */
    private CompletableFuture<List<StreamDelivery>> room(String roomId, Instant since, Map<String, Object> info) {
        String eventName = info == null ? roomId : MY_MESSAGES;
        return rest.syncMessages(roomId, since).thenApply(answer -> fromSync(roomId, eventName, info, answer))
                .exceptionallyCompose(e -> SessionErrors.unwrap(e) instanceof RestException r && r.getStatus() == 404
                        ? loadMissed(roomId, eventName, info, since) : CompletableFuture.failedFuture(e));
    }

    private List<StreamDelivery> fromSync(String roomId, String eventName, Map<String, Object> info, Map<String, Object> answer) {
        Map<?, ?> result = answer.get("result") instanceof Map<?, ?> m ? m : Map.of();
        List<StreamDelivery> out = messages(eventName, info, result.get("updated"));
        if (result.get("deleted") instanceof List<?> deleted) {
            for (Object o : deleted) {
                if (o instanceof Map<?, ?> d && d.get("_id") instanceof String id) {
                    out.add(new StreamDelivery("stream-notify-room", roomId + "/deleteMessage", List.of(Map.of("_id", id)),
                            new DeletedMessage(roomId, id)));
                }
            }
        }
        return out;
    }

    private CompletableFuture<List<StreamDelivery>> loadMissed(String roomId, String eventName, Map<String, Object> info,
                                                              Instant since) {
        return ddp.call("loadMissedMessages", List.of(roomId, since), timeout)
                .thenApply(result -> messages(eventName, info, result));
    }

    /** Messages (in any order on the wire) as deliveries, oldest update first. */
    @SuppressWarnings("unchecked")
    private static List<StreamDelivery> messages(String eventName, Map<String, Object> info, Object list) {
        List<StreamDelivery> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    List<Object> args = info == null ? List.of(m) : List.of(m, info);
                    Object body = StreamBodies.toBody(new StreamEvent(ROOM_MESSAGES, eventName, args, "id", null));
                    if (body instanceof ChatMessage) {
                        out.add(new StreamDelivery(ROOM_MESSAGES, eventName, args, body));
                    }
                }
            }
        }
        out.sort(BY_UPDATE);
        return out;
    }

    private static Map<String, Object> roomInfo(Map<?, ?> subscription) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("roomParticipant", true);
        info.put("roomType", subscription.get("t"));
        if (!"d".equals(subscription.get("t")) && subscription.get("name") != null) {
            info.put("roomName", subscription.get("name"));
        }
        return info;
    }
}
