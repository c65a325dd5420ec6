package io.github.camelrocketchat.session;

import java.util.concurrent.CompletableFuture;

/**
 * A consumer's hold on a (possibly shared) subscription.
 */
public interface StreamRegistration extends AutoCloseable {
    /** Completes when the server confirmed the subscription; fails with the server's refusal. */
    CompletableFuture<Void> ready();

    /** True once {@link #ready()} completed normally and the subscription has not ended since. */
    boolean isActive();

    /** A short state for health details: {@code pending}, {@code ready}, {@code failed: ...}, {@code stopped}. */
    String describeState();

    /** Stops delivering to this consumer; the last one out ends the DDP subscription. Idempotent. */
    @Override
    void close();
}
