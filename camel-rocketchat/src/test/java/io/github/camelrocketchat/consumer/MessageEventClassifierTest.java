package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.WireFixtures;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageEventClassifierTest {
    private final MessageEventClassifier classifier = new MessageEventClassifier(100, 10);

    private MessageEvent classify(Map<String, Object> doc) {
        return classifier.classify(ChatMessage.fromMap(doc));
    }

    @Test
    void tellsCreatedEditedUpdatedAndDeletedApart() {
        assertThat(classify(WireFixtures.normal())).isEqualTo(MessageEvent.CREATED);
        assertThat(classify(WireFixtures.withReactionsAndUrls())).isEqualTo(MessageEvent.UPDATED);
        assertThat(classify(WireFixtures.edited())).isEqualTo(MessageEvent.EDITED);
        assertThat(classify(WireFixtures.deletedWithStatus())).isEqualTo(MessageEvent.DELETED);
    }

    @Test
    void anExactRepeatIsReportedAsNull() {
        assertThat(classify(WireFixtures.normal())).isEqualTo(MessageEvent.CREATED);
        assertThat(classify(WireFixtures.normal())).isNull();
        assertThat(classify(WireFixtures.deletedWithStatus())).isEqualTo(MessageEvent.DELETED);
        assertThat(classify(WireFixtures.deletedWithStatus())).isNull();
    }

    @Test
    void withinOneMillisecondAnUnknownFieldCountsAsAChangeTheMarkdownTreeOfTheSameTextDoesNot() {
        Map<String, Object> doc = new LinkedHashMap<>(WireFixtures.normal());
        assertThat(classify(doc)).isEqualTo(MessageEvent.CREATED);
        doc.put("customFields", Map.of("ticket", "4711"));
        assertThat(classify(doc)).isEqualTo(MessageEvent.UPDATED);
        // the server's markdown tree is derived from the text: re-rendered alone, it is the same message
        doc.put("md", java.util.List.of(Map.of("type", "PARAGRAPH", "value", java.util.List.of())));
        assertThat(classify(doc)).isNull();
    }

    @Test
    void aChangeWithinTheSameMillisecondIsNotARepeat() {
        Map<String, Object> doc = new LinkedHashMap<>(WireFixtures.normal());
        assertThat(classify(doc)).isEqualTo(MessageEvent.CREATED);
        // a reaction stored in the same millisecond as the message: same _updatedAt, same text
        doc.put("reactions", Map.of(":thumbsup:", Map.of("usernames", java.util.List.of("bob"))));
        assertThat(classify(doc)).isEqualTo(MessageEvent.UPDATED);
        assertThat(classify(doc)).isNull();
    }

    @Test
    void aMessageWithoutUpdatedAtIsNeverDroppedAsARepeat() {
        Map<String, Object> doc = new LinkedHashMap<>(WireFixtures.normal());
        doc.remove("_updatedAt");
        assertThat(classify(doc)).isEqualTo(MessageEvent.CREATED);
        assertThat(classify(doc)).isEqualTo(MessageEvent.UPDATED);
    }

    @Test
    void firstSightingsOfChangesToOlderMessages() {
        // an edit of a message sent before we subscribed
        assertThat(classify(WireFixtures.edited())).isEqualTo(MessageEvent.EDITED);
        // a reaction to a message written long before
        Map<String, Object> old = new LinkedHashMap<>(WireFixtures.threaded());
        old.put("_updatedAt", WireFixtures.T0.plusSeconds(3600));
        assertThat(classify(old)).isEqualTo(MessageEvent.UPDATED);
        // a deletion we never saw the message of
        Map<String, Object> gone = new LinkedHashMap<>(WireFixtures.deletedWithStatus());
        gone.put("_id", "other");
        assertThat(classify(gone)).isEqualTo(MessageEvent.DELETED);
        assertThat(classify(WireFixtures.systemJoined())).isEqualTo(MessageEvent.CREATED);
    }

    @Test
    void threadParentReEmittedWithCountersIsAnUpdate() {
        assertThat(classify(WireFixtures.normal())).isEqualTo(MessageEvent.CREATED);
        assertThat(classify(WireFixtures.threaded())).isEqualTo(MessageEvent.CREATED);
        Map<String, Object> parent = new LinkedHashMap<>(WireFixtures.normal());
        parent.put("tcount", 1);
        parent.put("tlm", WireFixtures.T0.plusSeconds(5));
        parent.put("_updatedAt", WireFixtures.T0.plusSeconds(5));
        assertThat(classify(parent)).isEqualTo(MessageEvent.UPDATED);
    }

    @Test
    void cacheIsBoundedPerRoomAndInRooms() {
        MessageEventClassifier small = new MessageEventClassifier(2, 2);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> doc = new LinkedHashMap<>(WireFixtures.normal());
            doc.put("_id", "m" + i);
            small.classify(ChatMessage.fromMap(doc));
        }
        assertThat(small.size()).isEqualTo(2);
        for (String room : new String[] {"A", "B", "C"}) {
            Map<String, Object> doc = new LinkedHashMap<>(WireFixtures.normal());
            doc.put("rid", room);
            small.classify(ChatMessage.fromMap(doc));
        }
        assertThat(small.size()).isEqualTo(2);
        // the evicted first message is seen as new again
        Map<String, Object> first = new LinkedHashMap<>(WireFixtures.normal());
        first.put("_id", "m0");
        assertThat(small.classify(ChatMessage.fromMap(first))).isEqualTo(MessageEvent.CREATED);
    }

    @Test
    void parsesTheMessageEventsOption() {
        assertThat(MessageEvent.parseList(null)).isEqualTo(EnumSet.allOf(MessageEvent.class));
        assertThat(MessageEvent.parseList(" created, DELETED ")).containsExactly(MessageEvent.CREATED, MessageEvent.DELETED);
        assertThatThrownBy(() -> MessageEvent.parseList("created,removed"))
                .hasMessageContaining("'removed'").hasMessageContaining("created, edited, updated, deleted");
    }
}
