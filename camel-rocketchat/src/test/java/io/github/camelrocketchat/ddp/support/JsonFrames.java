package io.github.camelrocketchat.ddp.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whole-frame comparison of JSON trees (key order ignored, array order kept). In the expected frame the string
 * {@code "*"} matches any value (for generated ids). Frames are written with single quotes for readability.
 */
public final class JsonFrames {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFrames() {
    }

    /** Single quotes to double quotes, so frames can be written {@code "{'msg':'ping'}"} in tests. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Asserts that {@code actual} matches {@code expected} (single-quoted, with wildcards) and returns it parsed. */
    public static JsonNode assertFrame(String expected, String actual) {
        assertThat(actual).as("a frame was expected: " + json(expected)).isNotNull();
        JsonNode e = parse(json(expected));
        JsonNode a = parse(actual);
        match(e, a, "$", json(expected), actual);
        return a;
    }

    private static void match(JsonNode e, JsonNode a, String path, String expected, String actual) {
        if (e.isTextual() && e.asText().equals("*")) {
            if (a == null || a.isMissingNode()) {
                fail("missing value at %s%n expected: %s%n   actual: %s", path, expected, actual);
            }
            return;
        }
        if (a == null || e.getNodeType() != a.getNodeType()) {
            fail("different type at %s%n expected: %s%n   actual: %s", path, expected, actual);
        }
        if (e.isObject()) {
            TreeSet<String> ek = new TreeSet<>();
            e.fieldNames().forEachRemaining(ek::add);
            TreeSet<String> ak = new TreeSet<>();
            a.fieldNames().forEachRemaining(ak::add);
            if (!ek.equals(ak)) {
                fail("different keys at %s: %s vs %s%n expected: %s%n   actual: %s", path, ek, ak, expected, actual);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                match(f.getValue(), a.get(f.getKey()), path + "." + f.getKey(), expected, actual);
            }
        } else if (e.isArray()) {
            if (e.size() != a.size()) {
                fail("different array size at %s%n expected: %s%n   actual: %s", path, expected, actual);
            }
            for (int i = 0; i < e.size(); i++) {
                match(e.get(i), a.get(i), path + "[" + i + "]", expected, actual);
            }
        } else if (!e.equals(a)) {
            fail("different value at %s%n expected: %s%n   actual: %s", path, expected, actual);
        }
    }
}
