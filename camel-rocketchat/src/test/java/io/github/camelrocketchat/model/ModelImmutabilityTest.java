package io.github.camelrocketchat.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One body is shared by every consumer of an event: the records keep deep, unmodifiable copies, so neither the
 * wire maps they were read from nor a route holding them can change what another route sees.
 */
@SuppressWarnings("unchecked")
class ModelImmutabilityTest {

    /** A wire document with mutable maps and lists all the way down, as the JSON decoder gives. */
    private static Map<String, Object> mutableMessage() {
        Map<String, Object> usernames = new LinkedHashMap<>();
        usernames.put("usernames", new ArrayList<>(List.of("bob")));
        Map<String, Object> reactions = new LinkedHashMap<>();
        reactions.put(":thumbsup:", usernames);
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("title", "report.pdf");
        attachment.put("fields", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("short", true)))));
        Map<String, Object> mention = new LinkedHashMap<>(Map.of("_id", "u1", "username", "bob"));
        Map<String, Object> md = new LinkedHashMap<>(Map.of("type", "PARAGRAPH"));
        Map<String, Object> m = new LinkedHashMap<>(WireFixtures.normal());
        m.put("reactions", reactions);
        m.put("attachments", new ArrayList<>(List.of(attachment)));
        m.put("mentions", new ArrayList<>(List.of(mention)));
        m.put("urls", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("url", "https://example.com")))));
        m.put("md", new ArrayList<>(List.of(md)));
        return m;
    }

    @Test
    void aMessageCannotBeChangedThroughItsMapsNorThroughTheDocumentItWasReadFrom() {
        Map<String, Object> wire = mutableMessage();
        ChatMessage m = ChatMessage.fromMap(wire);
        Map<String, Object> before = m.toMap();

        assertThatThrownBy(() -> m.reactions().put(":smile:", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) ((Map<?, ?>) m.reactions().get(":thumbsup:")).get("usernames")).add("eve"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.attachments().get(0).put("title", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.attachments().add(Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.mentions().get(0).remove("_id")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.urls().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) m.other().get("md")).clear()).isInstanceOf(UnsupportedOperationException.class);

        // the decoder's maps change later (or another reader changes them): the record does not
        ((List<Object>) ((Map<String, Object>) ((Map<String, Object>) wire.get("reactions")).get(":thumbsup:")).get("usernames"))
                .add("eve");
        ((List<Object>) wire.get("attachments")).clear();
        ((Map<String, Object>) ((List<Object>) wire.get("mentions")).get(0)).put("username", "mallory");
        assertThat(m.toMap()).isEqualTo(before);
        assertThat(m.mentions().get(0)).containsEntry("username", "bob");
        assertThat(m.attachments()).hasSize(1);
    }

    @Test
    void theOtherRecordsAreDeeplyUnmodifiableToo() {
        Map<String, Object> tmid = new LinkedHashMap<>(Map.of("tmid", "t1"));
        UserActivity a = new UserActivity("GENERAL", "bob", new ArrayList<>(List.of("user-typing")), tmid);
        tmid.put("tmid", "changed");
        assertThat(a.threadId()).isEqualTo("t1");
        assertThatThrownBy(() -> a.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rid", "GENERAL");
        payload.put("sender", new LinkedHashMap<>(Map.of("_id", "u1", "username", "bob")));
        Notification n = Notification.fromMap(new LinkedHashMap<>(Map.of("title", "t", "payload", payload)));
        assertThatThrownBy(() -> ((Map<String, Object>) n.payload().get("sender")).put("username", "eve"))
                .isInstanceOf(UnsupportedOperationException.class);

        Map<String, Object> roomDoc = new LinkedHashMap<>(Map.of("_id", "r1", "t", "c", "customFields",
                new LinkedHashMap<>(Map.of("team", "ops"))));
        Room r = Room.fromMap(roomDoc);
        assertThatThrownBy(() -> ((Map<String, Object>) r.other().get("customFields")).put("team", "dev"))
                .isInstanceOf(UnsupportedOperationException.class);

        List<String> roles = new ArrayList<>(List.of("owner"));
        RoomSubscription s = new RoomSubscription("s1", "r1", "c", "ops", null, null, roles, 0, false, true, null, null);
        roles.add("moderator");
        assertThat(s.roles()).containsExactly("owner");

        Map<String, Object> query = new LinkedHashMap<>(Map.of("rid", "r1", "users", new ArrayList<>(List.of("bob"))));
        BulkDeletion b = BulkDeletion.fromEvent("r1", query);
        assertThatThrownBy(() -> ((List<Object>) b.query().get("users")).add("eve")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void frozenKeepsOrderAndNullsAndLeavesOtherValuesAlone() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", null);
        m.put("a", new ArrayList<>(java.util.Arrays.asList(1, null, "x")));
        Map<String, Object> f = Values.frozenMap(m);
        assertThat(f.keySet()).containsExactly("b", "a");
        assertThat(f.get("b")).isNull();
        assertThat((List<Object>) f.get("a")).containsExactly(1, null, "x");
        assertThat(Values.frozen("text")).isEqualTo("text");
        assertThat(Values.frozenMap(null)).isNull();
    }
}
