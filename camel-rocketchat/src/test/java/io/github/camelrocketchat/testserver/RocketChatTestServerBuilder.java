package io.github.camelrocketchat.testserver;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * Settings for a {@link RocketChatTestServer}. Not thread-safe: configure on one thread, then {@link #build()};
 * the fields are read once by the server's constructor.
 */
public final class RocketChatTestServerBuilder {
    Dialect dialect = Dialect.MONOLITH_8;
    int port;
    boolean rateLimiterEnabled;
    RateLimits rateLimits = RateLimits.defaults();
    boolean restRateLimiterEnabled;
    int restRateLimitCalls = 10;
    long restRateLimitWindowMs = 60_000;
    Duration heartbeatInterval;
    Duration heartbeatTimeout;
    Clock clock = Clock.systemUTC();
    boolean seed;
    boolean recordFrames = true;
    Ids ids = Ids.secure();
    final ServerSettings settings = new ServerSettings();

    RocketChatTestServerBuilder() {
    }

    public RocketChatTestServerBuilder dialect(Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    /** Port on 127.0.0.1; 0 (the default) picks a free one. */
    public RocketChatTestServerBuilder port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Rocket.Chat's DDP rate limiter. Off by default here, so tests that do not study it are not throttled
     * (six quick sendMessage calls would already be); the standalone main turns it on.
     */
    public RocketChatTestServerBuilder rateLimiter(boolean enabled) {
        this.rateLimiterEnabled = enabled;
        return this;
    }

    /**
     * The REST API's rate limiter (10 calls per route and user per minute, {@code X-RateLimit-*} headers, 429). Off by
     * default, like {@link #rateLimiter(boolean)}.
     */
    public RocketChatTestServerBuilder restRateLimiter(boolean enabled) {
        this.restRateLimiterEnabled = enabled;
        return this;
    }

    /** The REST limiter's rule: {@code calls} per route and user per {@code windowMs} (Rocket.Chat: 10 per 60000). */
    public RocketChatTestServerBuilder restRateLimit(int calls, long windowMs) {
        this.restRateLimitCalls = calls;
        this.restRateLimitWindowMs = windowMs;
        return this;
    }

    /** Custom limits (implies nothing about {@link #rateLimiter(boolean)}). */
    public RocketChatTestServerBuilder rateLimits(RateLimits limits) {
        this.rateLimits = limits;
        return this;
    }

    /** Idle time before the server pings (monolith 15 s, ddp-streamer 30 s); zero disables server pings. */
    public RocketChatTestServerBuilder heartbeatInterval(Duration interval) {
        this.heartbeatInterval = interval;
        return this;
    }

    /** Time to wait for any frame after a server ping before closing (monolith 15 s, ddp-streamer 30 s). */
    public RocketChatTestServerBuilder heartbeatTimeout(Duration timeout) {
        this.heartbeatTimeout = timeout;
        return this;
    }

    public RocketChatTestServerBuilder showDeletedStatus(boolean on) {
        settings.showDeletedStatus = on;
        return this;
    }

    /** {@code Message_MaxAllowedSize} (default 5000). */
    public RocketChatTestServerBuilder maxMessageSize(int chars) {
        settings.maxMessageSize = chars;
        return this;
    }

    /** {@code UI_Use_Real_Name}: typing must carry the display name. */
    public RocketChatTestServerBuilder useRealName(boolean on) {
        settings.useRealName = on;
        return this;
    }

    /** Failed password logins before {@code error-login-blocked-for-user} (default 10). */
    public RocketChatTestServerBuilder failedLoginsUntilBlock(int attempts) {
        settings.failedLoginsUntilBlock = attempts;
        return this;
    }

    /** Clock for timestamps, token expiry, TOTP and the rate limiter (timers still run in real time). */
    public RocketChatTestServerBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Demo users and rooms (see {@link DemoData}). */
    public RocketChatTestServerBuilder seed(boolean seed) {
        this.seed = seed;
        return this;
    }

    /** Records every frame (default true). */
    public RocketChatTestServerBuilder recordFrames(boolean on) {
        this.recordFrames = on;
        return this;
    }

    /** Seeded ids and tokens for reproducible runs. */
    public RocketChatTestServerBuilder random(Random random) {
        this.ids = new Ids(random);
        return this;
    }

    public RocketChatTestServer build() {
        return new RocketChatTestServer(this);
    }
}
