package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.RocketChatEndpoint;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.RocketChatSessionRegistry;
import io.github.camelrocketchat.session.SessionException;
import io.github.camelrocketchat.session.SessionListener;
import io.github.camelrocketchat.session.SessionSettings;
import io.github.camelrocketchat.session.StreamRegistration;
import io.github.camelrocketchat.support.Awaits;
import io.github.camelrocketchat.support.RocketChatErrors;
import io.github.camelrocketchat.support.RocketChatHealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to a stream or publication on the endpoint's shared session and delivers each event as an exchange, in
 * order, one exchange in flight at a time ({@link ConsumerDelivery}): the next event starts when the previous
 * exchange completed, also when a route goes asynchronous, and the socket and DDP threads never run a route. A room
 * message consumer fills the gaps a reconnect or a backlog left from the server ({@link RoomCatchUp}).
 *
 * <p>Start fails (so a supervising route controller can retry) when the server is unreachable, the login fails,
 * {@code roomName} does not resolve, or the server refuses the subscription. When the session gives up reconnecting
 * ({@code maxReconnectAttempts}) the consumer reports it and stops its route (behind {@code master:}, the route that
 * holds the lock), so another node can take over.
 */
@ManagedResource(description = "Managed Rocket.Chat consumer")
public class RocketChatConsumer extends DefaultConsumer {
    /** Register a Camel {@link ThreadPoolProfile} with this id to size the delivery pool that all consumers share. */
    public static final String THREAD_POOL_PROFILE = "rocketchat-consumer";
    private static final Logger LOG = LoggerFactory.getLogger(RocketChatConsumer.class);
    private static final int CACHE_PER_ROOM = 1000;
    private static final int CACHE_ROOMS = 1000;
    private static final long STOP_DRAIN_MILLIS = 10_000;

    private final ConsumerTarget target;
    private final ConsumerBinding binding;
    /** Set before start (tests); read on start. */
    private volatile Clock clock = Clock.systemUTC();

    /** Set in doStart, cleared in doStop (Camel lifecycle thread); read by health checks. */
    private volatile String routeId;
    private volatile RocketChatSessionRegistry.Lease lease;
    private volatile ConsumerDelivery delivery;
    private volatile ConsumerFlow flow;
    private volatile StreamRegistration subscription;
    private volatile SessionListener.Handle sessionListener;
    /** Completed when every part of the subscription is ready; a gap-fill at start waits for it. */
    private volatile CompletableFuture<Void> subscribed;

    public RocketChatConsumer(RocketChatEndpoint endpoint, Processor processor, ConsumerTarget target) {
        super(endpoint, processor);
        this.target = target;
        this.binding = new ConsumerBinding(endpoint.getHeaderFilterStrategy());
    }

    @Override
    public RocketChatEndpoint getEndpoint() {
        return (RocketChatEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RocketChatEndpoint endpoint = getEndpoint();
        routeId = RouteStops.routeIdOf(this);
        if (endpoint.getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new RocketChatHealthCheck("camel", "rocketchat-consumer-" + routeId, this::session, () -> subscription,
                    () -> status().details(), () -> status().problem()));
        }
        subscribed = new CompletableFuture<>();
        try {
            SessionSettings settings = endpoint.sessionSettings();
            lease = endpoint.sessionRegistry().acquire(settings);
            RocketChatSession session = lease.session();
            Awaits.await(session.start(), settings.startTimeout().toMillis(),
                    "Cannot open the Rocket.Chat session " + session.key().describe());
            String roomId = resolveRoom(session, settings);
            String name = endpoint.getName() + " of route " + routeId;
            delivery = new ConsumerDelivery(endpoint.getComponent().consumerExecutor(), endpoint.getConfiguration().getMaxQueueSize(),
                    e -> getExceptionHandler().handleException("Error delivering a Rocket.Chat event", e));
            ConsumerSubscriber subscriber = new ConsumerSubscriber(target, endpoint.getConfiguration(), session, roomId);
            flow = newFlow(session, subscriber, name);
            subscription = subscriber.subscribe(flow);
            sessionListener = session.addListener(new SessionListener() {
                @Override
                public void onGaveUp(SessionException error) {
                    gaveUp(error);
                }
            });
            CompletableFuture<Void> ready = subscriber.ready(subscription, "route " + routeId);
            CompletableFuture<Void> whenSubscribed = subscribed;
            ready.whenComplete((v, e) -> {
                if (e == null) {
                    whenSubscribed.complete(null);
                }
            });
            String what = "The subscription of route " + routeId + " to " + subscriber.description() + " is not ready";
            if (StartupSubscriptions.deferrable(endpoint.getCamelContext())) {
                endpoint.getComponent().startupSubscriptions().register(ready, settings.methodTimeout().toMillis(), what);
            } else {
                Awaits.awaitNamed(ready, settings.methodTimeout().toMillis(), what);
            }
        } catch (Exception e) {
            releaseAll();
            throw e;
        }
    }

    private String resolveRoom(RocketChatSession session, SessionSettings settings) throws Exception {
        RocketChatConfiguration c = getEndpoint().getConfiguration();
        if (c.getRoomName() != null && target.usesRoom()) {
            return Awaits.await(session.resolveRoom(c.getRoomName()), settings.methodTimeout().toMillis(),
                    "Cannot resolve roomName '" + c.getRoomName() + "'");
        }
        return c.getRoomId();
    }

    private ConsumerFlow newFlow(RocketChatSession session, ConsumerSubscriber subscriber, String name) {
        RocketChatConfiguration c = getEndpoint().getConfiguration();
        ConsumerFlow f = new ConsumerFlow(delivery, this::deliver, this::report, binding,
                new MessageEventClassifier(CACHE_PER_ROOM, CACHE_ROOMS),
                new ConsumerFlow.Options(subscriber.messageEvents(), c.isSkipOwnMessages(), session::userId,
                        subscriber.hasHardDeletions()),
                new ShedEvents(name, clock), clock);
        String room = subscriber.roomMessages();
        if (room != null && c.isRecoverMissedMessages()) {
            RoomMarks marks = new RoomMarks(c.getStateRepository(), ConsumerCursor.key(room, routeId), memoryFor(c.getMaxQueueSize()));
            boolean fillFirst = marks.start(c.getSince() == null || c.getSince().isBlank() ? null
                    : Since.parse(c.getSince(), clock.instant()), clock.instant());
            RoomCatchUp catchUp = new RoomCatchUp(room, marks, session::missedEvents, delivery, f::replay, this::report,
                    Duration.ofMillis(c.getReconnectInitialDelay()), Duration.ofMillis(c.getReconnectMaxDelay()));
            f.useCatchUp(catchUp);
            if (fillFirst) {
                CompletableFuture<Void> ready = subscribed;
                delivery.add(done -> catchUp.fillAtStart(ready, done));
            }
        }
        return f;
    }

    /** Delivered versions remembered for the gap-fill overlap: at least twice the queue. */
    private static int memoryFor(int maxQueueSize) {
        return maxQueueSize < 0 ? 10_000 : Math.min(100_000, Math.max(1_000, 2 * maxQueueSize));
    }

    /** The session gave up (DDP callback thread): report in a delivery step, then stop the route from a thread of its own. */
    private void gaveUp(SessionException error) {
        ConsumerFlow f = flow;
        if (f != null) {
            f.gaveUp(error, () -> RouteStops.stopAsync(getEndpoint().getCamelContext(), routeId, RocketChatErrors.map(error, null)));
        }
    }

    @Override
    protected void doStop() throws Exception {
        releaseAll();
        super.doStop();
    }

    private void releaseAll() {
        SessionListener.Handle l = sessionListener;
        sessionListener = null;
        if (l != null) {
            l.close();
        }
        StreamRegistration s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
        CompletableFuture<Void> sub = subscribed;
        if (sub != null) {
            sub.completeExceptionally(new IllegalStateException("the consumer stopped"));
        }
        ConsumerDelivery d = delivery;
        if (d != null) {
            int dropped = d.close(STOP_DRAIN_MILLIS);
            if (dropped > 0) {
                LOG.info("{} event(s) still queued for route {} were dropped when its consumer stopped", dropped, routeId);
            }
        }
        RocketChatSessionRegistry.Lease le = lease;
        lease = null;
        if (le != null) {
            le.close();
        }
    }

    /** Runs one exchange; {@code done} once it completed (on whichever thread completes it). */
    private void deliver(Consumer<Exchange> fill, Runnable done) {
        Exchange exchange = createExchange(false);
        try {
            fill.accept(exchange);
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Error processing a Rocket.Chat event", exchange, e);
            releaseExchange(exchange, false);
            done.run();
            return;
        }
        AsyncCallback callback = defaultConsumerCallback(exchange, true);
        AsyncCallback then = doneSync -> {
            ConsumerFlow f = flow;
            if (f != null && exchange.getException() instanceof RejectedExecutionException) {
                // Camel refuses exchanges of a route that is stopping: this message was not delivered
                f.holdCursor();
            }
            try {
                callback.done(doneSync);
            } finally {
                done.run();
            }
        };
        try {
            getAsyncProcessor().process(exchange, then);
        } catch (RuntimeException e) {
            // an async processor must not throw; if one does, the queue must still move on (done is idempotent)
            exchange.setException(e);
            then.done(true);
        }
    }

    private void report(String message, Throwable error) {
        getExceptionHandler().handleException(message + " (" + getEndpoint().getName() + " of route " + routeId + ")", error);
    }

    /** The session in use, or null when stopped (health check). */
    /** The shared session this consumer uses, or null when stopped (consoles, management, tests). */
    public RocketChatSession session() {
        RocketChatSessionRegistry.Lease le = lease;
        return le == null ? null : le.session();
    }

    /** The subscription in use, or null (tests, health). */
    StreamRegistration subscription() {
        return subscription;
    }

    /** The route this consumer feeds, or null before it started. */
    public String routeId() {
        return routeId;
    }

    /** The state of its subscription ({@code ready}, {@code pending}, {@code resubscribing}, ...), or {@code none}. */
    public String subscriptionState() {
        StreamRegistration r = subscription;
        return r == null ? "none" : r.describeState();
    }

    /** A snapshot of this consumer's delivery (health details, tests). */
    public ConsumerStatus status() {
        ConsumerFlow f = flow;
        return f == null ? new ConsumerStatus(null, null, false, null, 0, 0, 0, 0, 0, 0, 0, null) : f.status();
    }

    @ManagedAttribute(description = "Events waiting for the route now")
    public int getQueued() {
        return status().queued();
    }

    @ManagedAttribute(description = "The most events that ever waited")
    public int getPeakQueued() {
        return status().peakQueued();
    }

    @ManagedAttribute(description = "Exchanges delivered from gap-fills (CamelRocketChatReplayed=true)")
    public long getReplayed() {
        return status().replayed();
    }

    @ManagedAttribute(description = "Events of streams that cannot be fetched again, shed because the queue was full")
    public long getShed() {
        return status().dropped();
    }

    @ManagedAttribute(description = "Live room events left to a gap-fill rather than queued (fetched again, not lost)")
    public long getDeferred() {
        return status().deferred();
    }

    @ManagedAttribute(description = "Gap-fills run")
    public long getGapFills() {
        return status().gapFills();
    }

    @ManagedAttribute(description = "When the consumer last took an event (ISO-8601), or empty")
    public String getLastEventAt() {
        Instant at = status().lastEventAt();
        return at == null ? "" : at.toString();
    }

    @ManagedAttribute(description = "A room message consumer's high-water mark (the _updatedAt it delivered up to), or empty")
    public String getHighWaterMark() {
        Instant at = status().highWaterMark();
        return at == null ? "" : at.toString();
    }

    @ManagedAttribute(description = "The state of the subscription: ready, pending, resubscribing, failed, ended or none")
    public String getSubscriptionState() {
        return subscriptionState();
    }

    /** The clock for the shed-event log interval and the {@code since} option (tests); set before the consumer starts. */
    void setClock(Clock clock) {
        this.clock = clock;
    }
}
