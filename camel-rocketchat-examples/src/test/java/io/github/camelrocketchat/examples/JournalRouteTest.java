package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Route 4 (the journal) behind route 6 (master: with a file lock). */
class JournalRouteTest extends ExampleTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        new HighAvailabilityConfiguration().configure(context);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JournalRoute();
    }

    @AfterEach
    void hardDeletes() {
        server().setShowDeletedStatus(false);
    }

    @Test
    void theElectedNodeWritesOneLinePerMessageEvent() throws Exception {
        server().setShowDeletedStatus(true); // so that __my_messages__ carries deletions
        // the master: consumer subscribes once its node holds the lock (alice's observer is the first subscription)
        await().atMost(WAIT).until(() -> server().subscriptionCount("stream-room-messages", "__my_messages__") == 2);
        assertThat(Files.exists(work.resolve("cluster"))).isTrue();

        String id = server().as("bob").send("demo", "line one");
        server().as("bob").edit(id, "line one, edited");
        server().as("alice").send("ops", "elsewhere");
        server().as("bob").delete(id);

        Path file = work.resolve("journal/messages.jsonl");
        await().atMost(WAIT).until(() -> lines(file).size() == 4);
        List<JsonNode> lines = lines(file);
        assertThat(lines).extracting(l -> l.get("event").asText()).containsExactly("created", "edited", "created", "deleted");
        assertThat(lines.get(0).get("messageId").asText()).isEqualTo(id);
        assertThat(lines.get(0).get("roomName").asText()).isEqualTo("demo");
        assertThat(lines.get(0).get("author").asText()).isEqualTo("bob");
        assertThat(lines.get(0).get("text").asText()).isEqualTo("line one");
        assertThat(lines.get(1).get("text").asText()).isEqualTo("line one, edited");
        assertThat(lines.get(2).get("roomName").asText()).isEqualTo("ops");
        assertThat(lines.get(3).get("messageId").asText()).isEqualTo(id);
    }

    private List<JsonNode> lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }
}
