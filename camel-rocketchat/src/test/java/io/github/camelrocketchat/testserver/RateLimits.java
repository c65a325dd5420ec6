package io.github.camelrocketchat.testserver;

/**
 * The DDP rate limiter's rules (reference F.3), with Rocket.Chat's defaults. Immutable; build variants with
 * the {@code with*} methods.
 *
 * @param perConnectionPerMethod     calls of one method name on one connection per window ({@code 10})
 * @param perConnectionPerMethodMs   window ({@code 10000})
 * @param streamMultiplier           {@code stream-*} names get this many times the calls and window ({@code 4})
 * @param perUserPerMethod           calls of one method by one user per window ({@code 20} / 10 s)
 * @param perConnection              all calls of one connection per minute ({@code 600})
 * @param perUser                    all calls of one user per minute ({@code 1200})
 * @param sendMessagePerSecond       {@code sendMessage} per user per second without {@code send-many-messages} ({@code 5})
 * @param createDirectMessagePerMinute {@code createDirectMessage} per user per minute ({@code 10})
 * @param spotlightPer100s           {@code spotlight} per user per 100 s ({@code 100})
 * @param loginPer10sLoggedOut       Meteor's login rule for logged-out connections ({@code 5} per 10 s)
 */
public record RateLimits(int perConnectionPerMethod, long perConnectionPerMethodMs, int streamMultiplier,
        int perUserPerMethod, int perConnection, int perUser, int sendMessagePerSecond,
        int createDirectMessagePerMinute, int spotlightPer100s, int loginPer10sLoggedOut) {

    /** Rocket.Chat's defaults. */
    public static RateLimits defaults() {
        return new RateLimits(10, 10_000, 4, 20, 600, 1200, 5, 10, 100, 5);
    }

    public RateLimits withPerConnectionPerMethod(int calls, long windowMs) {
        return new RateLimits(calls, windowMs, streamMultiplier, perUserPerMethod, perConnection, perUser,
                sendMessagePerSecond, createDirectMessagePerMinute, spotlightPer100s, loginPer10sLoggedOut);
    }

    public RateLimits withSendMessagePerSecond(int calls) {
        return new RateLimits(perConnectionPerMethod, perConnectionPerMethodMs, streamMultiplier, perUserPerMethod,
                perConnection, perUser, calls, createDirectMessagePerMinute, spotlightPer100s, loginPer10sLoggedOut);
    }
}
