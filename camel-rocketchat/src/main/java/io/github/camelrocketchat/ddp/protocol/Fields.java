package io.github.camelrocketchat.ddp.protocol;

import java.util.List;
import java.util.Map;

/**
 * Typed access to the top-level members of one decoded frame. Every getter throws
 * {@link IllegalArgumentException} naming the field and the type found; never the value (it may be secret).
 */
final class Fields {
    private final Map<String, Object> frame;

    Fields(Map<String, Object> frame) {
        this.frame = frame;
    }

    String str(String name) {
        Object v = frame.get(name);
        if (v instanceof String s) {
            return s;
        }
        throw wrong(name, "a string", v);
    }

    String optStr(String name) {
        Object v = frame.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw wrong(name, "a string", v);
    }

    @SuppressWarnings("unchecked")
    List<String> strList(String name, boolean required) {
        Object v = frame.get(name);
        if (v == null && !required) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String)) {
                    throw wrong(name, "an array of strings", o);
                }
            }
            return (List<String>) list;
        }
        throw wrong(name, "an array of strings", v);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> optMap(String name) {
        Object v = frame.get(name);
        if (v == null || v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw wrong(name, "an object", v);
    }

    /** {@code fields} of a data message, EJSON-decoded; an empty map when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fields() {
        Map<String, Object> v = optMap("fields");
        return v == null ? Map.of() : (Map<String, Object>) ejson(v, "fields");
    }

    /** {@code params} of a method or sub, EJSON-decoded, or null when absent. */
    @SuppressWarnings("unchecked")
    List<Object> params() {
        Object v = frame.get("params");
        if (v == null) {
            return null;
        }
        if (v instanceof List) {
            return (List<Object>) ejson(v, "params");
        }
        throw wrong("params", "an array", v);
    }

    /** Any member, EJSON-decoded (null when absent). */
    Object ejson(String name) {
        return ejson(frame.get(name), name);
    }

    private static Object ejson(Object v, String name) {
        try {
            return Ejson.fromJsonValue(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + name + "': " + e.getMessage());
        }
    }

    /** The {@code error} member as a {@link DdpError} (plain JSON), or null when absent. */
    @SuppressWarnings("unchecked")
    DdpError error() {
        Map<String, Object> e = optMap("error");
        if (e == null) {
            return null;
        }
        Object code = e.get("error");
        if (code != null && !(code instanceof String) && !(code instanceof Number)) {
            throw wrong("error.error", "a string or a number", code);
        }
        Object reason = e.get("reason");
        Object details = e.get("details");
        Object message = e.get("message");
        Object type = e.get("errorType");
        if (reason != null && !(reason instanceof String)) {
            throw wrong("error.reason", "a string", reason);
        }
        if (details != null && !(details instanceof Map)) {
            throw wrong("error.details", "an object", details);
        }
        if (message != null && !(message instanceof String)) {
            throw wrong("error.message", "a string", message);
        }
        return new DdpError(code, (String) reason, (Map<String, Object>) details, (String) message,
                type instanceof String s ? s : null);
    }

    private static IllegalArgumentException wrong(String name, String expected, Object found) {
        return new IllegalArgumentException("field '" + name + "' must be " + expected + ", was "
                + (found == null ? "missing" : "a " + typeName(found)));
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Map) {
            return "object";
        }
        return v.getClass().getSimpleName();
    }
}
