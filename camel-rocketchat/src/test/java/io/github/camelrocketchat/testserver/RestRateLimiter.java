package io.github.camelrocketchat.testserver;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST API's rate limiter (Rocket.Chat's {@code api.ts}): one rule per route and user (per client for anonymous
 * calls), {@code API_Enable_Rate_Limiter_Limit_Calls_Default} calls per
 * {@code API_Enable_Rate_Limiter_Limit_Time_Default} ms (10 per minute). Like Meteor's limiter a rule's window starts
 * when it (re)sets and its counters reset together; a call is counted, then checked. Every limited answer carries
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (the epoch millisecond the window resets); a
 * refused one is a 429. Rocket.Chat gives some routes (login among them) rules of their own; one rule for all here.
 * Runs on the server thread with the injected clock.
 */
final class RestRateLimiter {
    private final Clock clock;
    private final int calls;
    private final long windowMs;
    private final Map<String, Integer> counters = new HashMap<>();
    private long lastReset;
    /** Switched by the facade; read on the server thread. */
    private volatile boolean enabled;

    RestRateLimiter(Clock clock, int calls, long windowMs, boolean enabled) {
        this.clock = clock;
        this.calls = calls;
        this.windowMs = windowMs;
        this.enabled = enabled;
        this.lastReset = clock.millis();
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The verdict on one call, or null when the limiter is off. */
    Verdict check(String route, String userId) {
        if (!enabled) {
            return null;
        }
        long now = clock.millis();
        if (now - lastReset > windowMs) {
            counters.clear();
            lastReset = now;
        }
        int count = counters.merge(route + "|" + (userId == null ? "anonymous" : userId), 1, Integer::sum);
        long timeToReset = windowMs - (now - lastReset);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", String.valueOf(calls));
        headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, calls - count)));
        headers.put("X-RateLimit-Reset", String.valueOf(now + timeToReset));
        return new Verdict(count <= calls, timeToReset, headers);
    }

    /** Whether the call may go on, how long until the window resets, and the headers every answer carries. */
    record Verdict(boolean allowed, long timeToReset, Map<String, String> headers) {
        RestApi.Reply refusal() {
            var o = Json.obj();
            o.put("success", false);
            o.put("error", "Error, too many requests. Please slow down. You must wait " + (timeToReset + 999) / 1000
                    + " seconds before trying again. [error-too-many-requests]");
            return new RestApi.Reply(429, o, headers);
        }
    }
}
