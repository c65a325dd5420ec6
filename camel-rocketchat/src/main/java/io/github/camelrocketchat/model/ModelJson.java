package io.github.camelrocketchat.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON for bodies: model records become their maps, {@link Instant}s ISO-8601 strings, {@code byte[]}
 * base64. Used by the type converters; thread-safe.
 */
public final class ModelJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelJson() {
    }

    /** A tree of maps, lists, strings, numbers and booleans only. */
    public static Object toPlain(Object value) {
        if (value instanceof RocketChatModel model) {
            return toPlain(model.toMap());
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toPlain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(toPlain(v)));
            return out;
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return value;
    }

    /** The value as a JSON string. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(toPlain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The value as a Jackson tree. */
    public static JsonNode toJsonNode(Object value) {
        return MAPPER.valueToTree(toPlain(value));
    }
}
