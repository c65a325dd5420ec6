package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.RocketChatInvalidInputException;
import io.github.camelrocketchat.support.OptionLists;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Reads producer bodies into method arguments; each failure names the method and what it takes. */
final class ProducerArgs {
    private static final Set<String> STATUSES = Set.of("online", "away", "busy", "offline");

    private ProducerArgs() {
    }

    static List<String> activities(Object body) {
        if (body == null || Boolean.FALSE.equals(body)) {
            return List.of();
        }
        if (Boolean.TRUE.equals(body)) {
            return List.of("user-typing");
        }
        if (body instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        if (body instanceof CharSequence s) {
            String t = s.toString().trim();
            return t.isEmpty() || "false".equalsIgnoreCase(t) ? List.of()
                    : "true".equalsIgnoreCase(t) ? List.of("user-typing") : List.of(t);
        }
        throw invalid("A typing event takes true/false, an activity name or a list of activities; got " + body.getClass().getName());
    }

    static List<Object> genericParams(Object body) {
        if (body == null) {
            return List.of();
        }
        if (body instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (body instanceof Object[] a) {
            return new ArrayList<>(Arrays.asList(a));
        }
        return List.of(body instanceof io.github.camelrocketchat.model.RocketChatModel r ? r.toMap() : body);
    }

    static String requireText(Object body, String method, String what) {
        if (body instanceof CharSequence s && !s.toString().isBlank()) {
            return s.toString().trim();
        }
        throw invalid(method + " needs " + what);
    }

    static List<String> usernames(Object body, String method) {
        List<String> names = new ArrayList<>();
        if (body instanceof List<?> l) {
            l.forEach(o -> names.add(String.valueOf(o)));
        } else if (body instanceof CharSequence s) {
            names.addAll(OptionLists.split(s.toString()));
        }
        if (names.isEmpty()) {
            throw invalid(method + " needs the usernames: a List or a comma-separated String body");
        }
        return names;
    }

    static String status(Object value, String method) {
        String s = value == null ? null : String.valueOf(value).trim();
        if (s == null || !STATUSES.contains(s)) {
            throw invalid(method + " takes a status: online, away, busy or offline; got " + s);
        }
        return s;
    }

    static Instant instant(Object body, String method, boolean required) {
        if (body == null || body instanceof CharSequence s && s.toString().isBlank()) {
            if (required) {
                throw invalid(method + " needs a date as the body (Instant, Date, epoch millis or ISO-8601 text)");
            }
            return null;
        }
        if (body instanceof Instant i) {
            return i;
        }
        if (body instanceof Date d) {
            return d.toInstant();
        }
        if (body instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (body instanceof CharSequence s) {
            try {
                return Instant.parse(s.toString().trim());
            } catch (DateTimeParseException e) {
                throw invalid(method + ": '" + s + "' is not an ISO-8601 instant (e.g. 2024-11-18T12:00:00Z)");
            }
        }
        throw invalid(method + " takes a date as the body (Instant, Date, epoch millis or ISO-8601 text); got " + body.getClass().getName());
    }

    private static RocketChatInvalidInputException invalid(String message) {
        return ProducerCalls.invalid(message);
    }
}
