package io.github.camelrocketchat.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Rocket.Chat message ({@code IMessage}), as received on {@code stream-room-messages} or returned by
 * {@code sendMessage}, {@code loadHistory} and REST.
 *
 * <p>Nested structures whose shape varies between server versions (attachments, reactions, mentions, url
 * previews) are kept as plain maps so that {@link #toMap()} gives back the whole document; fields the
 * record does not model are kept in {@link #other()}. The record is deeply immutable: the constructor keeps
 * unmodifiable copies of every map and list, so consumers sharing one message cannot change what another sees.
 *
 * @param id            {@code _id}
 * @param roomId        {@code rid}
 * @param text          {@code msg} (empty for attachment-only, deleted and many system messages)
 * @param author        {@code u}
 * @param timestamp     {@code ts}, when the message was created
 * @param updatedAt     {@code _updatedAt}, changes on every modification
 * @param editedAt      {@code editedAt}, set after an edit (and on a deleted-with-status message)
 * @param editedBy      {@code editedBy}
 * @param threadId      {@code tmid}, the thread parent of a reply
 * @param threadShow    {@code tshow}, a thread reply also shown in the room
 * @param type          {@code t}, the system message type ({@code uj}, {@code rm}, ...), null for a normal message
 * @param alias         {@code alias} display override
 * @param avatar        {@code avatar} display override
 * @param emoji         {@code emoji} display override
 * @param attachments   {@code attachments}
 * @param reactions     {@code reactions}: emoji to {@code {"usernames":[...]}}
 * @param mentions      {@code mentions}: {@code [{_id, username, name?, type?}]}
 * @param urls          {@code urls}: url previews
 * @param pinned        {@code pinned}
 * @param threadCount   {@code tcount} on a thread parent
 * @param threadLastMessage {@code tlm} on a thread parent
 * @param other         every other field of the document, in document order
 */
public record ChatMessage(
        String id, String roomId, String text, ChatUser author, Instant timestamp, Instant updatedAt,
        Instant editedAt, ChatUser editedBy, String threadId, Boolean threadShow, String type, String alias,
        String avatar, String emoji, List<Map<String, Object>> attachments, Map<String, Object> reactions,
        List<Map<String, Object>> mentions, List<Map<String, Object>> urls, Boolean pinned, Integer threadCount,
        Instant threadLastMessage, Map<String, Object> other) implements RocketChatModel {

    /** The system type of a message deleted while "show deleted status" is on. */
    public static final String TYPE_REMOVED = "rm";

    private static final Set<String> KNOWN = Set.of("_id", "rid", "msg", "u", "ts", "_updatedAt", "editedAt",
            "editedBy", "tmid", "tshow", "t", "alias", "avatar", "emoji", "attachments", "reactions", "mentions",
            "urls", "pinned", "tcount", "tlm");

    public ChatMessage {
        attachments = Values.frozenMaps(attachments);
        reactions = Values.frozenMap(reactions);
        mentions = Values.frozenMaps(mentions);
        urls = Values.frozenMaps(urls);
        other = other == null ? Map.of() : Values.frozenMap(other);
    }

    /** A new outgoing text message (no id yet: the component chooses one). */
    public static ChatMessage ofText(String roomId, String text) {
        return new ChatMessage(null, roomId, text, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** Reads a wire document. Dates may be {@link Instant}s (DDP) or ISO-8601 strings (REST). */
    public static ChatMessage fromMap(Map<String, Object> m) {
        return new ChatMessage(Values.string(m, "_id"), Values.string(m, "rid"), Values.string(m, "msg"),
                ChatUser.fromMap(m.get("u")), Values.instant(m.get("ts")), Values.instant(m.get("_updatedAt")),
                Values.instant(m.get("editedAt")), ChatUser.fromMap(m.get("editedBy")), Values.string(m, "tmid"),
                Values.bool(m, "tshow"), Values.string(m, "t"), Values.string(m, "alias"),
                Values.string(m, "avatar"), Values.string(m, "emoji"), Values.maps(m.get("attachments")),
                Values.map(m.get("reactions")), Values.maps(m.get("mentions")), Values.maps(m.get("urls")),
                Values.bool(m, "pinned"), Values.integer(m.get("tcount")), Values.instant(m.get("tlm")),
                Values.rest(m, KNOWN));
    }

    /** True for a message deleted with "show deleted status" on ({@code t:"rm"}). */
    public boolean isDeleted() {
        return TYPE_REMOVED.equals(type);
    }

    /** True for a system message (any {@code t}). */
    public boolean isSystem() {
        return type != null;
    }

    /** True when this message is a reply in a thread. */
    public boolean isThreadReply() {
        return threadId != null;
    }

    /** The author's user id, or null. */
    public String authorId() {
        return author == null ? null : author.id();
    }

    /** A copy with another id. */
    public ChatMessage withId(String newId) {
        return new ChatMessage(newId, roomId, text, author, timestamp, updatedAt, editedAt, editedBy, threadId,
                threadShow, type, alias, avatar, emoji, attachments, reactions, mentions, urls, pinned, threadCount,
                threadLastMessage, other);
    }

    /** A copy in another room. */
    public ChatMessage withRoomId(String newRoomId) {
        return new ChatMessage(id, newRoomId, text, author, timestamp, updatedAt, editedAt, editedBy, threadId,
                threadShow, type, alias, avatar, emoji, attachments, reactions, mentions, urls, pinned, threadCount,
                threadLastMessage, other);
    }

    /** A copy replying in another thread. */
    public ChatMessage withThreadId(String newThreadId) {
        return new ChatMessage(id, roomId, text, author, timestamp, updatedAt, editedAt, editedBy, newThreadId,
                threadShow, type, alias, avatar, emoji, attachments, reactions, mentions, urls, pinned, threadCount,
                threadLastMessage, other);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "_id", id);
        Values.put(out, "rid", roomId);
        Values.put(out, "msg", text);
        Values.put(out, "ts", timestamp);
        Values.put(out, "u", author == null ? null : author.toMap());
        Values.put(out, "_updatedAt", updatedAt);
        Values.put(out, "t", type);
        Values.put(out, "tmid", threadId);
        Values.put(out, "tshow", threadShow);
        Values.put(out, "editedAt", editedAt);
        Values.put(out, "editedBy", editedBy == null ? null : editedBy.toMap());
        Values.put(out, "alias", alias);
        Values.put(out, "avatar", avatar);
        Values.put(out, "emoji", emoji);
        Values.put(out, "attachments", attachments);
        Values.put(out, "reactions", reactions);
        Values.put(out, "mentions", mentions);
        Values.put(out, "urls", urls);
        Values.put(out, "pinned", pinned);
        Values.put(out, "tcount", threadCount);
        Values.put(out, "tlm", threadLastMessage);
        out.putAll(other);
        return out;
    }

    /** Short form without the text (messages may be private). */
    @Override
    public String toString() {
        return "ChatMessage[id=" + id + ", roomId=" + roomId + ", author=" + (author == null ? null : author.username())
                + ", type=" + type + ", threadId=" + threadId + ", updatedAt=" + updatedAt + "]";
    }
}
