package io.github.camelrocketchat.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EJSON subset {@code method.call} needs: {@code $date} and {@code $binary} both ways. Plain REST
 * endpoints use ISO date strings and need none of it.
 */
final class RestEjson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RestEjson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(encode(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode value as EJSON: " + e.getOriginalMessage(), e);
        }
    }

    static Object encode(Object value) {
        if (value instanceof Instant i) {
            return Map.of("$date", i.toEpochMilli());
        }
        if (value instanceof java.util.Date d) {
            return Map.of("$date", d.getTime());
        }
        if (value instanceof byte[] b) {
            return Map.of("$binary", Base64.getEncoder().encodeToString(b));
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), encode(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(encode(v)));
            return out;
        }
        return value;
    }

    static Object decode(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("$date") instanceof Number n) {
                return Instant.ofEpochMilli(n.longValue());
            }
            if (m.size() == 1 && m.get("$binary") instanceof String s) {
                return Base64.getDecoder().decode(s);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), decode(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(decode(v)));
            return out;
        }
        return value;
    }
}
