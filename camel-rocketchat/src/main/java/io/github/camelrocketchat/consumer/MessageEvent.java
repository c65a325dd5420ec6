package io.github.camelrocketchat.consumer;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a room message event means: the {@code CamelRocketChatMessageEvent} header. */
public enum MessageEvent {
    /** First sighting of a message. */
    CREATED,
    /** The text changed. */
    EDITED,
    /** Metadata only: reactions, url previews, thread counters, pins, read receipts. */
    UPDATED,
    /** Deleted: {@code t:"rm"} on the message stream, or a {@code deleteMessage} notification. */
    DELETED;

    /** The header value: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code created,edited}; blank means all. */
    public static Set<MessageEvent> parseList(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(MessageEvent.class);
        }
        Set<MessageEvent> out = EnumSet.noneOf(MessageEvent.class);
        for (String part : list.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid message event '" + p + "' in messageEvents=" + list
                        + ": use any of created, edited, updated, deleted", e);
            }
        }
        return out;
    }
}
