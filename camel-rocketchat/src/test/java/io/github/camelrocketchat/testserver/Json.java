package io.github.camelrocketchat.testserver;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test server's own JSON handling on Jackson trees, including EJSON dates ({@code {"$date":ms}}) as Meteor
 * writes them and the ISO-8601 strings that REST answers and error details use. Shares nothing with the client.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private Json() {
    }

    static ObjectNode obj() {
        return F.objectNode();
    }

    static ArrayNode arr() {
        return F.arrayNode();
    }

    static ArrayNode arr(Iterable<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static ArrayNode arrOf(JsonNode... values) {
        ArrayNode a = F.arrayNode();
        for (JsonNode v : values) {
            a.add(v);
        }
        return a;
    }

    /** Parses a frame; null when the text is not JSON at all. */
    static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** EJSON date as Meteor puts it on the wire. */
    static ObjectNode date(long epochMillis) {
        ObjectNode d = F.objectNode();
        d.put("$date", epochMillis);
        return d;
    }

    /** True for an EJSON date object: exactly one key {@code $date} holding a number. */
    static boolean isDate(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && node.has("$date") && node.get("$date").isNumber();
    }

    static long dateMillis(JsonNode node) {
        return node.get("$date").asLong();
    }

    /** ISO string as {@code Date.toJSON()} prints it (REST bodies, error details). */
    static String iso(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Parses the ISO forms {@code Date.parse} accepts in practice; null when it is not a date. */
    static Long parseIso(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    static boolean isString(JsonNode node) {
        return node != null && node.isTextual();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    static List<String> fieldNames(JsonNode node) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
