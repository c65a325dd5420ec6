package io.github.camelrocketchat.support;

import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.StreamRegistration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of one consumer or producer: DOWN while its session is not connected and logged in (reconnecting, not
 * logged in again yet, gave up), or (for a consumer) while its subscription is not ready (pending, resubscribing after
 * a reconnect, ended) or the consumer has a problem of its own (its subscription ended, a gap-fill keeps failing).
 * Details carry the server URL, user, session state, reconnect attempt and last problem, the transport choices, the
 * subscription state and the consumer's delivery counters; never a secret.
 *
 * <p>Implements {@link HealthCheck} directly (camel-api) so the component needs no camel-health at runtime.
 */
public final class RocketChatHealthCheck implements HealthCheck {
    private final String id;
    private final String group;
    private final Supplier<RocketChatSession> session;
    private final Supplier<StreamRegistration> subscription;
    private final Supplier<Map<String, Object>> details;
    private final Supplier<String> problem;
    /** Toggled by Camel's health registry from any thread. */
    private volatile boolean enabled = true;

    /**
     * @param subscription the consumer's subscription, or null for a producer
     * @param details      further details of the consumer or producer (never secrets), read on every call
     */
    public RocketChatHealthCheck(String group, String id, Supplier<RocketChatSession> session, Supplier<StreamRegistration> subscription,
                          Supplier<Map<String, Object>> details) {
        this(group, id, session, subscription, details, () -> null);
    }

    /**
     * @param problem why the consumer or producer is DOWN on its own account (its subscription ended for good, a
     *                gap-fill keeps failing), or null when it has none; read on every call
     */
    public RocketChatHealthCheck(String group, String id, Supplier<RocketChatSession> session, Supplier<StreamRegistration> subscription,
                          Supplier<Map<String, Object>> details, Supplier<String> problem) {
        this.group = group;
        this.id = id;
        this.session = session;
        this.subscription = subscription;
        this.details = details;
        this.problem = problem;
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder b = HealthCheckResultBuilder.on(this);
        b.details(details.get());
        RocketChatSession s = session.get();
        if (s == null) {
            return b.down().message("Not started").build();
        }
        b.details(s.describe());
        boolean up = s.isReady();
        String message = up ? null : "Rocket.Chat session " + s.key().describe() + " is " + s.state().name().toLowerCase();
        if (subscription != null) {
            StreamRegistration r = subscription.get();
            String state = r == null ? "none" : r.describeState();
            b.detail("rocketchat.subscription.state", state);
            if (up && (r == null || !r.isActive())) {
                up = false;
                message = "Subscription is " + state;
            }
        }
        String own = problem.get();
        if (up && own != null) {
            up = false;
            message = own;
        }
        return up ? b.up().build() : b.down().message(message).build();
    }
}
