package io.github.camelrocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.ModelJson;
import io.github.camelrocketchat.model.RocketChatModel;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Type conversions of the component's bodies: a {@link ChatMessage} to its text; every model record to a
 * {@code Map} (the wire document) and to JSON (a String for events, a Jackson tree for all).
 */
@Converter(generateLoader = true)
public final class RocketChatConverters {
    private RocketChatConverters() {
    }

    /** A message's text. */
    @Converter
    public static String messageToString(ChatMessage message) {
        return message.text();
    }

    /** Any other record as JSON (dates as ISO-8601). */
    @Converter
    public static String modelToString(RocketChatModel model) {
        return ModelJson.toJson(model);
    }

    /** The record as its wire document. */
    @Converter
    public static Map<String, Object> toMap(RocketChatModel model) {
        return model.toMap();
    }

    /** The record as a JSON tree (dates as ISO-8601). */
    @Converter
    public static JsonNode toJsonNode(RocketChatModel model) {
        return ModelJson.toJsonNode(model);
    }
}
