package io.github.camelrocketchat.testserver;

import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a frame with an expected frame written as JSON text: same fields in the same order, same
 * values, except that the string {@code "*"} matches any string (generated ids, tokens) and
 * {@code {"$date":"*"}} any EJSON date.
 */
final class FrameAssert {

    private FrameAssert() {
    }

    static void assertFrame(String expectedJson, JsonNode actual) {
        JsonNode expected = Json.parseOrNull(expectedJson);
        if (expected == null) {
            throw new AssertionError("expected frame is not JSON: " + expectedJson);
        }
        String diff = diff("$", expected, actual);
        if (diff != null) {
            throw new AssertionError(diff + "\nexpected: " + expectedJson + "\nactual:   " + actual);
        }
    }

    static void assertFrames(List<String> expected, List<JsonNode> actual) {
        if (expected.size() != actual.size()) {
            throw new AssertionError("expected " + expected.size() + " frames, got " + actual.size() + ": " + actual);
        }
        for (int i = 0; i < expected.size(); i++) {
            assertFrame(expected.get(i), actual.get(i));
        }
    }

    private static String diff(String path, JsonNode e, JsonNode a) {
        if (e.isTextual() && "*".equals(e.asText())) {
            return a != null && a.isTextual() ? null : path + ": expected any string, got " + a;
        }
        if (e.isObject() && e.size() == 1 && "*".equals(e.path("$date").asText(null))) {
            return Json.isDate(a) ? null : path + ": expected an EJSON date, got " + a;
        }
        if (a == null) {
            return path + ": missing";
        }
        if (e.isObject()) {
            if (!a.isObject()) {
                return path + ": expected object, got " + a;
            }
            List<String> en = Json.fieldNames(e);
            List<String> an = Json.fieldNames(a);
            if (!en.equals(an)) {
                return path + ": fields " + an + " but expected " + en;
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
                String f = it.next();
                String d = diff(path + "." + f, e.get(f), a.get(f));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isArray()) {
            if (!a.isArray() || a.size() != e.size()) {
                return path + ": expected " + e + ", got " + a;
            }
            for (int i = 0; i < e.size(); i++) {
                String d = diff(path + "[" + i + "]", e.get(i), a.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return e.equals(a) || (e.isNumber() && a.isNumber() && e.asLong() == a.asLong()) ? null
                : path + ": expected " + e + ", got " + a;
    }
}
