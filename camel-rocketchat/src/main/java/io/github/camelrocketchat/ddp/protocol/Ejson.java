package io.github.camelrocketchat.ddp.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Meteor's EJSON on top of plain JSON values (what Jackson's untyped reader produces: {@code LinkedHashMap},
 * {@code ArrayList}, {@code String}, {@code Integer}/{@code Long}/{@code Double}, {@code Boolean}, null).
 *
 * <p>Tags: {@code $date} &lt;-&gt; {@link Instant}, {@code $binary} &lt;-&gt; {@code byte[]}, {@code $InfNaN} &lt;-&gt;
 * {@code Double} NaN/Infinity, {@code $regexp}/{@code $flags} &lt;-&gt; {@link EjsonRegExp}, {@code $type}/{@code $value}
 * &lt;-&gt; {@link EjsonCustom}, {@code $escape} for plain objects whose keys look like a tag. An object is a tag only
 * when it has exactly the tag's keys. {@code {"$date":null}} (an Invalid Date) decodes to null.
 */
public final class Ejson {
    private Ejson() {
    }

    /**
     * Converts tagged objects inside a plain JSON value into Java values, in place where possible (maps
     * and lists from Jackson are mutable). Returns the converted value.
     *
     * @throws IllegalArgumentException when a tag has a value of the wrong type, naming the tag
     */
    @SuppressWarnings("unchecked")
    public static Object fromJsonValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Object tagged = fromTag((Map<String, Object>) map);
            if (tagged != NOT_A_TAG) {
                return tagged;
            }
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map || v instanceof List || v instanceof BigInteger) {
                    e.setValue(fromJsonValue(v));
                }
            }
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0, n = l.size(); i < n; i++) {
                Object v = l.get(i);
                if (v instanceof Map || v instanceof List || v instanceof BigInteger) {
                    l.set(i, fromJsonValue(v));
                }
            }
            return l;
        }
        if (value instanceof BigInteger big) {
            return big.doubleValue();
        }
        return value;
    }

    private static final Object NOT_A_TAG = new Object();

    @SuppressWarnings("unchecked")
    private static Object fromTag(Map<String, Object> map) {
        int size = map.size();
        if (size == 0 || size > 2) {
            return NOT_A_TAG;
        }
        Iterator<String> keys = map.keySet().iterator();
        String first = keys.next();
        if (first.isEmpty() || first.charAt(0) != '$') {
            return NOT_A_TAG;
        }
        if (size == 1) {
            Object v = map.get(first);
            switch (first) {
                case "$date":
                    if (v instanceof Number n) {
                        return Instant.ofEpochMilli(n.longValue());
                    }
                    if (v == null) {
                        // JavaScript's Invalid Date: EJSON writes {$date: NaN}, which JSON.stringify turns into
                        // null (Meteor's tokenExpires of a personal access token, which has no 'when' stamp)
                        return null;
                    }
                    throw new IllegalArgumentException("EJSON $date must be a number of milliseconds");
                case "$binary":
                    if (v instanceof String s) {
                        try {
                            return Base64.getDecoder().decode(s);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("EJSON $binary is not valid base64");
                        }
                    }
                    throw new IllegalArgumentException("EJSON $binary must be a base64 string");
                case "$InfNaN":
                    if (v instanceof Number n) {
                        double sign = n.doubleValue();
                        return sign == 0 ? Double.NaN : sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    }
                    throw new IllegalArgumentException("EJSON $InfNaN must be -1, 0 or 1");
                case "$escape":
                    if (v instanceof Map<?, ?> inner) {
                        Map<String, Object> literal = (Map<String, Object>) inner;
                        for (Map.Entry<String, Object> e : literal.entrySet()) {
                            e.setValue(fromJsonValue(e.getValue()));
                        }
                        return literal;
                    }
                    throw new IllegalArgumentException("EJSON $escape must hold an object");
                default:
                    return NOT_A_TAG;
            }
        }
        if (map.containsKey("$regexp") && map.containsKey("$flags")) {
            if (map.get("$regexp") instanceof String source && map.get("$flags") instanceof String flags) {
                return new EjsonRegExp(source, flags);
            }
            throw new IllegalArgumentException("EJSON $regexp and $flags must be strings");
        }
        if (map.containsKey("$type") && map.containsKey("$value")) {
            if (map.get("$type") instanceof String type) {
                return new EjsonCustom(type, fromJsonValue(map.get("$value")));
            }
            throw new IllegalArgumentException("EJSON $type must be a string");
        }
        return NOT_A_TAG;
    }

    /** True when a plain map has exactly the keys of some EJSON tag (so it must be sent inside {@code $escape}). */
    static boolean looksLikeTag(Map<?, ?> map) {
        int size = map.size();
        if (size == 1) {
            Object k = map.keySet().iterator().next();
            return "$date".equals(k) || "$binary".equals(k) || "$InfNaN".equals(k) || "$escape".equals(k);
        }
        return size == 2 && (map.containsKey("$regexp") && map.containsKey("$flags")
                || map.containsKey("$type") && map.containsKey("$value"));
    }

    /**
     * Writes a Java value as EJSON.
     *
     * @param path where the value sits (e.g. {@code params[0]}), for the error message
     * @throws IllegalArgumentException naming the path and the Java type when the value cannot be sent
     */
    public static void write(JsonGenerator g, Object value, String path) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            writeDouble(g, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(g, map, path);
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            int i = 0;
            for (Object o : c) {
                write(g, o, path + "[" + i++ + "]");
            }
            g.writeEndArray();
        } else if (value instanceof Object[] array) {
            write(g, List.of(array), path);
        } else {
            writeTag(g, value, path);
        }
    }

    private static void writeTag(JsonGenerator g, Object value, String path) throws IOException {
        if (value instanceof Instant t) {
            writeDate(g, t.toEpochMilli());
        } else if (value instanceof Date d) {
            writeDate(g, d.getTime());
        } else if (value instanceof byte[] bytes) {
            g.writeStartObject();
            g.writeStringField("$binary", Base64.getEncoder().encodeToString(bytes));
            g.writeEndObject();
        } else if (value instanceof EjsonRegExp r) {
            g.writeStartObject();
            g.writeStringField("$regexp", r.source());
            g.writeStringField("$flags", r.flags());
            g.writeEndObject();
        } else if (value instanceof EjsonCustom c) {
            g.writeStartObject();
            g.writeStringField("$type", c.type());
            g.writeFieldName("$value");
            write(g, c.value(), path + ".$value");
            g.writeEndObject();
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            throw new IllegalArgumentException("Cannot send a " + value.getClass().getName() + " as EJSON at " + path
                    + "; use Map, List, String, Number, Boolean, Instant, byte[], EjsonRegExp or EjsonCustom");
        }
    }

    private static void writeMap(JsonGenerator g, Map<?, ?> map, String path) throws IOException {
        boolean escape = looksLikeTag(map);
        g.writeStartObject();
        if (escape) {
            g.writeFieldName("$escape");
            g.writeStartObject();
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Map keys must be strings at " + path + ", found a "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
            }
            g.writeFieldName(key);
            write(g, e.getValue(), path + "." + key);
        }
        if (escape) {
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeStartObject();
            g.writeNumberField("$InfNaN", Double.isNaN(d) ? 0 : d > 0 ? 1 : -1);
            g.writeEndObject();
        } else {
            g.writeNumber(d);
        }
    }

    private static void writeDate(JsonGenerator g, long millis) throws IOException {
        g.writeStartObject();
        g.writeNumberField("$date", millis);
        g.writeEndObject();
    }
}
