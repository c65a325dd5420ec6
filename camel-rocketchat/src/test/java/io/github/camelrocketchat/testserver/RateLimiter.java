package io.github.camelrocketchat.testserver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Meteor's DDPRateLimiter with Rocket.Chat's rules: each rule counts calls per key in a fixed window that
 * starts when the rule (re)sets; a call is counted first, then checked; the reply carries the milliseconds
 * to the rule's next reset. Runs on the server thread with the injected clock.
 */
final class RateLimiter {

    private final Clock clock;
    private final List<Rule> rules = new ArrayList<>();
    /** Switched by the facade; read on the server thread. */
    private volatile boolean enabled;

    RateLimiter(Clock clock, RateLimits limits, boolean enabled, Permissions permissions, DataStore store) {
        this.clock = clock;
        this.enabled = enabled;
        long now = clock.millis();
        Predicate<Input> stream = in -> in.name().startsWith("stream-");
        rules.add(new Rule(limits.perConnectionPerMethod(), limits.perConnectionPerMethodMs(), now,
                stream.negate(), in -> in.connectionId() + "|" + in.name()));
        rules.add(new Rule(limits.perConnectionPerMethod() * limits.streamMultiplier(),
                limits.perConnectionPerMethodMs() * limits.streamMultiplier(), now, stream,
                in -> in.connectionId() + "|" + in.name()));
        rules.add(new Rule(limits.perUserPerMethod(), 10_000, now, in -> in.userId() != null && !stream.test(in),
                in -> in.userId() + "|" + in.name()));
        rules.add(new Rule(limits.perUserPerMethod() * limits.streamMultiplier(), 40_000, now,
                in -> in.userId() != null && stream.test(in), in -> in.userId() + "|" + in.name()));
        rules.add(new Rule(limits.perConnection(), 60_000, now, in -> true, Input::connectionId));
        rules.add(new Rule(limits.perUser(), 60_000, now, in -> in.userId() != null, Input::userId));
        rules.add(new Rule(limits.sendMessagePerSecond(), 1000, now,
                in -> in.method() && "sendMessage".equals(in.name()) && in.userId() != null
                        && !permissions.has(store.users.get(in.userId()), null, "send-many-messages"),
                Input::userId));
        rules.add(new Rule(limits.createDirectMessagePerMinute(), 60_000, now,
                in -> in.method() && "createDirectMessage".equals(in.name()) && in.userId() != null
                        && !permissions.has(store.users.get(in.userId()), null, "send-many-messages"),
                Input::userId));
        rules.add(new Rule(limits.spotlightPer100s(), 100_000, now,
                in -> in.method() && "spotlight".equals(in.name()), in -> String.valueOf(in.userId())));
        rules.add(new Rule(limits.loginPer10sLoggedOut(), 10_000, now,
                in -> in.method() && in.userId() == null
                        && List.of("login", "createUser", "resetPassword", "forgotPassword").contains(in.name()),
                Input::connectionId));
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Counts the call and answers null when allowed, else the {@code too-many-requests} error. */
    MeteorError check(Input input) {
        if (!enabled) {
            return null;
        }
        long now = clock.millis();
        long timeToReset = -1;
        for (Rule r : rules) {
            if (!r.matcher.test(input)) {
                continue;
            }
            if (now - r.lastReset > r.intervalMs) {
                r.counters.clear();
                r.lastReset = now;
            }
            int count = r.counters.merge(r.key.apply(input), 1, Integer::sum);
            if (count > r.limit) {
                long ttr = r.intervalMs - (now - r.lastReset);
                timeToReset = Math.max(timeToReset, ttr);
            }
        }
        if (timeToReset < 0) {
            return null;
        }
        long seconds = (timeToReset + 999) / 1000;
        String reason = "Error, too many requests. Please slow down. You must wait " + seconds
                + " seconds before trying again.";
        var details = Json.obj();
        details.put("timeToReset", timeToReset);
        return MeteorError.of("too-many-requests", reason, details);
    }

    /** What the limiter matches on. */
    record Input(String connectionId, String userId, String name, boolean method) {
    }

    private static final class Rule {
        final int limit;
        final long intervalMs;
        final Predicate<Input> matcher;
        final Function<Input, String> key;
        final Map<String, Integer> counters = new HashMap<>();
        long lastReset;

        Rule(int limit, long intervalMs, long now, Predicate<Input> matcher, Function<Input, String> key) {
            this.limit = limit;
            this.intervalMs = intervalMs;
            this.lastReset = now;
            this.matcher = matcher;
            this.key = key;
        }
    }
}
