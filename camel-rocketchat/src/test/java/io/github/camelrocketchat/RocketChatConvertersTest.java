package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.WireFixtures;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The converters are loaded by the generated loader (no registration in code) and convert every body. */
class RocketChatConvertersTest {
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private TypeConverter converter() {
        context.start();
        return context.getTypeConverter();
    }

    @Test
    void aChatMessageIsItsTextAsAStringAndItsDocumentAsAMap() {
        ChatMessage m = ChatMessage.fromMap(WireFixtures.edited());
        TypeConverter tc = converter();
        assertThat(tc.convertTo(String.class, m)).isEqualTo("hello, world");
        assertThat(tc.convertTo(Map.class, m)).isEqualTo(WireFixtures.edited());
        JsonNode json = tc.convertTo(JsonNode.class, m);
        assertThat(json.get("editedAt").asText()).isEqualTo("2024-11-18T11:20:30Z");
        assertThat(json.at("/u/username").asText()).isEqualTo("alice");
    }

    @Test
    void eventsAreJsonStrings() {
        TypeConverter tc = converter();
        assertThat(tc.convertTo(String.class, new DeletedMessage("GENERAL", "m1"))).isEqualTo("{\"rid\":\"GENERAL\",\"_id\":\"m1\"}");
        UserActivity a = new UserActivity("GENERAL", "alice", List.of("user-typing"), null);
        assertThat(tc.convertTo(String.class, a))
                .isEqualTo("{\"rid\":\"GENERAL\",\"username\":\"alice\",\"activities\":[\"user-typing\"],\"typing\":true}");
        assertThat(tc.convertTo(Map.class, a)).containsEntry("typing", true);
    }
}
