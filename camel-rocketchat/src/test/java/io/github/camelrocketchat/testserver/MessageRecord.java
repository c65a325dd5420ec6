package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** A stored message ({@code IMessage}). Mutable; touched only on the server thread. */
final class MessageRecord {

    final String id;
    final String rid;
    String msg;
    long ts;
    final String uid;
    final String username;
    final String name;
    long updatedAt;
    /** System message type, or null. */
    String t;
    String tmid;
    Boolean tshow;
    Boolean groupable;
    String alias;
    String emoji;
    String avatar;
    JsonNode attachments;
    JsonNode bot;
    JsonNode customFields;
    /** Other allowed client keys kept verbatim (content, e2e, federation...), in arrival order. */
    final Map<String, JsonNode> extra = new LinkedHashMap<>();
    Long editedAt;
    String editedById;
    String editedByUsername;
    int tcount;
    Long tlm;
    final Set<String> replies = new LinkedHashSet<>();
    /** emoji -> usernames, in reaction order. */
    final Map<String, List<String>> reactions = new LinkedHashMap<>();
    /** True for rocket.cat ephemeral notices (never stored). */
    boolean ephemeral;
    /** Whether the markdown tree is produced (user messages, not system messages). */
    boolean parsed = true;
    /** Users mentioned with {@code @username}, resolved when the message was stored. */
    final List<Mention> mentions = new ArrayList<>();

    MessageRecord(String id, String rid, String msg, long ts, UserRecord author) {
        this(id, rid, msg, ts, author.id, author.username, author.name);
    }

    MessageRecord(String id, String rid, String msg, long ts, String uid, String username, String name) {
        this.id = id;
        this.rid = rid;
        this.msg = msg;
        this.ts = ts;
        this.uid = uid;
        this.username = username;
        this.name = name;
        this.updatedAt = ts;
    }

    boolean threadReplyHidden() {
        return tmid != null && !Boolean.TRUE.equals(tshow);
    }

    /** One entry of {@code mentions}. */
    record Mention(String id, String username, String name) {
    }

    @Override
    public String toString() {
        return "MessageRecord[" + id + " in " + rid + "]";
    }
}
