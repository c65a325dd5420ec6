package io.github.camelrocketchat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatMessageTest {

    @Test
    void readsANormalMessageAndKeepsUnmodelledFields() {
        ChatMessage m = ChatMessage.fromMap(WireFixtures.normal());
        assertThat(m.id()).isEqualTo("mZ8pQ1rT5uV7wX9yA");
        assertThat(m.roomId()).isEqualTo("GENERAL");
        assertThat(m.text()).isEqualTo("hello");
        assertThat(m.author()).isEqualTo(new ChatUser("aBcD1234efGh5678i", "alice", "Alice"));
        assertThat(m.timestamp()).isEqualTo(WireFixtures.T0);
        assertThat(m.updatedAt()).isEqualTo(WireFixtures.T0);
        assertThat(m.isSystem()).isFalse();
        assertThat(m.isDeleted()).isFalse();
        assertThat(m.isThreadReply()).isFalse();
        assertThat(m.other()).containsOnlyKeys("md");
    }

    @Test
    void toMapGivesBackTheWholeDocument() {
        for (Map<String, Object> doc : List.of(WireFixtures.normal(), WireFixtures.edited(), WireFixtures.threaded(),
                WireFixtures.deletedWithStatus(), WireFixtures.systemJoined(), WireFixtures.withReactionsAndUrls())) {
            assertThat(ChatMessage.fromMap(doc).toMap()).isEqualTo(doc);
        }
    }

    @Test
    void readsEditedThreadedDeletedAndSystemMessages() {
        ChatMessage edited = ChatMessage.fromMap(WireFixtures.edited());
        assertThat(edited.editedAt()).isEqualTo(WireFixtures.T0.plusSeconds(30));
        assertThat(edited.editedBy().username()).isEqualTo("alice");

        ChatMessage reply = ChatMessage.fromMap(WireFixtures.threaded());
        assertThat(reply.threadId()).isEqualTo("mZ8pQ1rT5uV7wX9yA");
        assertThat(reply.threadShow()).isTrue();
        assertThat(reply.isThreadReply()).isTrue();

        ChatMessage deleted = ChatMessage.fromMap(WireFixtures.deletedWithStatus());
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.type()).isEqualTo(ChatMessage.TYPE_REMOVED);

        ChatMessage joined = ChatMessage.fromMap(WireFixtures.systemJoined());
        assertThat(joined.isSystem()).isTrue();
        assertThat(joined.type()).isEqualTo("uj");
        assertThat(joined.other()).containsEntry("groupable", false);
    }

    @Test
    void readsReactionsMentionsAndUrls() {
        ChatMessage m = ChatMessage.fromMap(WireFixtures.withReactionsAndUrls());
        assertThat(m.reactions()).containsKey(":thumbsup:");
        assertThat(m.mentions()).singleElement().satisfies(x -> assertThat(x).containsEntry("username", "bob"));
        assertThat(m.urls()).singleElement().satisfies(x -> assertThat(x).containsEntry("url", "https://camel.apache.org"));
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void readsRestShapedDatesAsIsoStrings() {
        Map<String, Object> rest = new LinkedHashMap<>(WireFixtures.normal());
        rest.put("ts", "2024-11-18T11:20:00.000Z");
        rest.put("_updatedAt", Map.of("$date", 1731928800000L));
        ChatMessage m = ChatMessage.fromMap(rest);
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2024-11-18T11:20:00Z"));
        assertThat(m.updatedAt()).isEqualTo(WireFixtures.T0);
    }

    @Test
    void toStringLeavesTheTextOut() {
        assertThat(ChatMessage.fromMap(WireFixtures.normal()).toString()).doesNotContain("hello").contains("mZ8pQ1rT5uV7wX9yA");
    }
}
