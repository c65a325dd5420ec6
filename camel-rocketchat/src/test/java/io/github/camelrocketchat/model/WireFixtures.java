package io.github.camelrocketchat.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages shaped as the DDP client hands them over (EJSON dates already {@link Instant}s), after the
 * examples in the protocol notes (sections C and E).
 */
public final class WireFixtures {
    public static final Instant T0 = Instant.ofEpochMilli(1731928800000L);

    private WireFixtures() {
    }

    public static Map<String, Object> user(String id, String username, String name) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("_id", id);
        u.put("username", username);
        if (name != null) {
            u.put("name", name);
        }
        return u;
    }

    /** A fresh message by alice in GENERAL, with the md AST the server adds. */
    public static Map<String, Object> normal() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_id", "mZ8pQ1rT5uV7wX9yA");
        m.put("rid", "GENERAL");
        m.put("msg", "hello");
        m.put("ts", T0);
        m.put("u", user("aBcD1234efGh5678i", "alice", "Alice"));
        m.put("_updatedAt", T0);
        m.put("md", List.of(Map.of("type", "PARAGRAPH", "value", List.of(Map.of("type", "PLAIN_TEXT", "value", "hello")))));
        return m;
    }

    /** The same message after alice edited it. */
    public static Map<String, Object> edited() {
        Map<String, Object> m = normal();
        m.put("msg", "hello, world");
        m.put("_updatedAt", T0.plusSeconds(30));
        m.put("editedAt", T0.plusSeconds(30));
        m.put("editedBy", user("aBcD1234efGh5678i", "alice", null));
        return m;
    }

    /** A reply in the thread of {@link #normal()}, also shown in the room. */
    public static Map<String, Object> threaded() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_id", "rEpLy000000000001");
        m.put("rid", "GENERAL");
        m.put("msg", "a reply");
        m.put("ts", T0.plusSeconds(5));
        m.put("u", user("bOb00000000000001", "bob", "Bob"));
        m.put("_updatedAt", T0.plusSeconds(5));
        m.put("tmid", "mZ8pQ1rT5uV7wX9yA");
        m.put("tshow", true);
        return m;
    }

    /** {@link #normal()} deleted while "show deleted status" is on. */
    public static Map<String, Object> deletedWithStatus() {
        Map<String, Object> m = normal();
        m.put("msg", "");
        m.put("t", "rm");
        m.put("_updatedAt", T0.plusSeconds(60));
        m.put("editedAt", T0.plusSeconds(60));
        m.put("editedBy", user("aBcD1234efGh5678i", "alice", null));
        m.remove("md");
        return m;
    }

    /** The "user joined" system message. */
    public static Map<String, Object> systemJoined() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_id", "sYs00000000000001");
        m.put("rid", "GENERAL");
        m.put("msg", "carol");
        m.put("t", "uj");
        m.put("ts", T0.plusSeconds(2));
        m.put("u", user("cArOl000000000001", "carol", "Carol"));
        m.put("_updatedAt", T0.plusSeconds(2));
        m.put("groupable", false);
        return m;
    }

    /** {@link #normal()} after bob reacted and the url preview arrived: metadata only. */
    public static Map<String, Object> withReactionsAndUrls() {
        Map<String, Object> m = normal();
        m.put("_updatedAt", T0.plusSeconds(10));
        m.put("reactions", Map.of(":thumbsup:", Map.of("usernames", List.of("bob"))));
        m.put("urls", List.of(Map.of("url", "https://camel.apache.org", "meta", Map.of("pageTitle", "Apache Camel"))));
        m.put("mentions", List.of(Map.of("_id", "bOb00000000000001", "username", "bob", "type", "user")));
        m.put("attachments", List.of());
        return m;
    }

    /** The second arg of a {@code __my_messages__} event. */
    public static Map<String, Object> myMessagesRoom() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roomParticipant", true);
        m.put("roomType", "c");
        m.put("roomName", "general");
        return m;
    }
}
