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

    /**
     * A deep, unmodifiable copy of a JSON-like value: every map and list is copied (order kept, null values
     * allowed) and wrapped unmodifiable, all the way down; other values are returned as they are. Bodies are
     * shared by every consumer of an event, so none may change what another sees.
     */
    public static Object frozen(Object v) {
        if (v instanceof Map<?, ?> m) {
            return frozenMap(m);
        }
        if (v instanceof List<?> l) {
            return frozenList(l);
        }
        return v;
    }

    /** {@link #frozen(Object)} of a map (keys as strings); null stays null. */
    public static Map<String, Object> frozenMap(Map<?, ?> m) {
        if (m == null) {
            return null;
        }
        if (m instanceof Frozen.FrozenMap f) {
            return f;
        }
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 4 / 3 + 1));
        m.forEach((k, v) -> out.put(String.valueOf(k), frozen(v)));
        return new Frozen.FrozenMap(out);
    }

    /** {@link #frozen(Object)} of a list; null stays null. */
    public static List<Object> frozenList(List<?> l) {
        if (l == null) {
            return null;
        }
        if (l instanceof Frozen.FrozenList f) {
            return f;
        }
        List<Object> out = new ArrayList<>(l.size());
        l.forEach(v -> out.add(frozen(v)));
        return new Frozen.FrozenList(out);
    }

    /** {@link #frozen(Object)} of a list of maps; null stays null. */
    public static List<Map<String, Object>> frozenMaps(List<Map<String, Object>> l) {
        if (l == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>(l.size());
        l.forEach(m -> out.add(frozenMap(m)));
        return Collections.unmodifiableList(out);
    }

    public static void put(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
