package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** {@code as(user).sendMany}: a burst of messages with distinct, ordered timestamps, for load tests. */
class SendManyTest extends ServerTestSupport {

    @Test
    void postsInOrderWithDistinctTimestampsAndTheUsualEvents() {
        RawDdpClient alice = as("alice");
        alice.sub("m", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        String before = server.as("bob").send("general", "before");
        alice.sync();
        long start = clock.millis();
        List<String> ids = server.as("bob").sendMany("general", 200, "load-");
        assertThat(ids).hasSize(200).doesNotHaveDuplicates().doesNotContain(before);
        List<JsonNode> events = alice.sync();
        assertThat(events).hasSize(200);
        for (int i = 0; i < 200; i++) {
            JsonNode m = events.get(i).path("fields").path("args").get(0);
            assertThat(m.path("_id").asText()).isEqualTo(ids.get(i));
            assertThat(m.path("msg").asText()).isEqualTo("load-" + (i + 1));
            assertThat(m.path("u").path("username").asText()).isEqualTo("bob");
            assertThat(m.path("ts").path("$date").asLong()).isEqualTo(start + 1 + i);
            assertThat(m.path("_updatedAt")).isEqualTo(m.path("ts"));
        }
        JsonNode missed = alice.result("1", "loadMissedMessages", "GENERAL", Json.date(start)).path("result");
        assertThat(missed).hasSize(200);
        assertThat(missed.get(0).path("_id").asText()).isEqualTo(ids.get(199));
        assertThat(server.messageCount("general")).isEqualTo(201);
    }

    @Test
    void aLaterBatchStartsAfterTheEarlierOne() {
        List<String> first = server.as("bob").sendMany("general", 3, "a");
        List<String> second = server.as("alice").sendMany("general", 3, "b");
        RawDdpClient c = as("alice");
        JsonNode history = c.result("1", "loadHistory", "GENERAL", null, 10).path("result").path("messages");
        assertThat(history).extracting(m -> m.path("msg").asText()).containsExactly("b3", "b2", "b1", "a3", "a2", "a1");
        assertThat(history.get(2).path("ts").path("$date").asLong())
                .isEqualTo(history.get(3).path("ts").path("$date").asLong() + 1);
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThatThrownBy(() -> server.as("bob").sendMany("nowhere", 1, "x")).hasMessageContaining("error-invalid-room");
        assertThat(server.as("bob").sendMany("general", 0, "x")).isEmpty();
    }
}
