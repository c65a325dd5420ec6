package io.github.camelrocketchat.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code since} option: an ISO-8601 instant, or an ISO-8601 duration before the start. */
public final class Since {
    private Since() {
    }

    /**
     * The instant {@code value} names, relative to {@code now} for a duration.
     *
     * @throws IllegalArgumentException naming the option and the value when it is neither
     */
    public static Instant parse(String value, Instant now) {
        String v = value.trim();
        try {
            if (v.startsWith("P") || v.startsWith("p") || v.startsWith("-P")) {
                Duration d = Duration.parse(v);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("since must be a positive duration (how long before the start), was " + value);
                }
                return now.minus(d);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 instant (2026-12-01T08:00:00Z) or duration (PT1H), was '"
                    + value + "'", e);
        }
    }
}
