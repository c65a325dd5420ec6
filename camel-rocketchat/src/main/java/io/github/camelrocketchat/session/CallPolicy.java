package io.github.camelrocketchat.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How the session treats one call on its way out.
 *
 * @param mode             DDP, REST or automatic choice
 * @param timeout          how long the call may wait for its result once sent (or for the connection to be back)
 * @param resendable       the call may be sent again after a lost connection (the server treats a repeat as a no-op,
 *                         e.g. {@code sendMessage} with a client-chosen {@code _id})
 * @param rateLimitMaxWait the longest the call waits for the server's rate limiter: a refusal asking for a longer
 *                         wait, or refusals of this call adding up to more, fail it; zero fails at the first refusal
 * @param rate             a client-side ceiling for calls of this method, or null for none
 */
public record CallPolicy(TransportMode mode, Duration timeout, boolean resendable, Duration rateLimitMaxWait,
                         CallRate rate) {
    public CallPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rateLimitMaxWait, "rateLimitMaxWait");
    }

    /** Not resendable, no waiting for the rate limiter, no client-side ceiling. */
    public static CallPolicy of(TransportMode mode, Duration timeout) {
        return new CallPolicy(mode, timeout, false, Duration.ZERO, null);
    }

    public CallPolicy resendable(boolean value) {
        return new CallPolicy(mode, timeout, value, rateLimitMaxWait, rate);
    }
}
