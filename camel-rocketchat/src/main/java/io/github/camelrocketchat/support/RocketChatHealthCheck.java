package io.github.camelrocketchat.support;

import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.StreamRegistration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health of one consumer or producer: DOWN while its session is not connected and logged in (reconnecting, not
 * logged in again yet, gave up), or (for a consumer) while its subscription is not ready (pending, resubscribing after
 * a reconnect, ended) or the consumer has a problem of its own (its subscription ended, a gap-fill keeps failing).
 * Details carry the server URL, user, session state, reconnect attempt and last problem, the transport choices, the
 * subscription state and the consumer's delivery counters; never a secret.
 *
 * <p>A readiness check, not a liveness check (as Camel's own component checks): a connection that is being restored
 * means "do not send traffic here yet", not "restart this process". {@link AbstractHealthCheck} adds the invocation
 * and failure counts to the details.
 */
public final class RocketChatHealthCheck extends AbstractHealthCheck {
    private final Supplier<RocketChatSession> session;
    private final Supplier<StreamRegistration> subscription;
    private final Supplier<Map<String, Object>> details;
    private final Supplier<String> problem;

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
        super(group, id);
        this.session = session;
        this.subscription = subscription;
        this.details = details;
        this.problem = problem;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder b, Map<String, Object> options) {
        b.details(details.get());
        RocketChatSession s = session.get();
        if (s == null) {
            b.down().message("Not started");
            return;
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
        if (up) {
            b.up();
        } else {
            b.down().message(message);
        }
    }
}
