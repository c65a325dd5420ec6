package io.github.camelrocketchat.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lenient readers for wire values. DDP gives EJSON-decoded values ({@link Instant} for dates); REST gives
 * ISO-8601 strings; both shapes must map to the same records. Public for the session's event conversion; not
 * part of the component's API.
 */
public final class Values {
    private Values() {
    }

    public static String string(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v instanceof String s ? s : String.valueOf(v);
    }

    public static Boolean bool(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return v instanceof String s ? Boolean.valueOf(s) : null;
    }

    public static Integer integer(Object v) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An {@link Instant}, an ISO-8601 string, an EJSON {@code {"$date":ms}} map or epoch millis. */
    public static Instant instant(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (v instanceof Map<?, ?> m && m.size() == 1 && m.get("$date") instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (v instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return null;
    }

    public static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return Collections.unmodifiableList(new ArrayList<>(l));
        }
        return null;
    }

    public static List<String> strings(Object v) {
        if (!(v instanceof List<?> l)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (o != null) {
                out.add(String.valueOf(o));
            }
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object v) {
        if (!(v instanceof List<?> l)) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The entries of {@code doc} whose keys are not in {@code known}, in document order. */
    public static Map<String, Object> rest(Map<String, Object> doc, java.util.Set<String> known) {
        Map<String, Object> other = new LinkedHashMap<>();
        doc.forEach((k, v) -> {
            if (!known.contains(k)) {
                other.put(k, v);
            }
        });
        return Collections.unmodifiableMap(other);
    }

    public static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
