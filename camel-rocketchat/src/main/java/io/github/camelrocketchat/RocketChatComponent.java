package io.github.camelrocketchat;

import io.github.camelrocketchat.session.DdpConnectionFactory;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.RocketChatSessionRegistry;
import io.github.camelrocketchat.session.SessionTimer;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code rocketchat:} component: consumers and producers for Rocket.Chat's Realtime API (DDP over WebSocket),
 * sharing one connection and one login per server and identity.
 */
@Component("rocketchat")
public class RocketChatComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(description = "Default options for every endpoint; each endpoint may override them.")
    private RocketChatConfiguration configuration = new RocketChatConfiguration();
    @Metadata(label = "security", defaultValue = "false", description = "Use the CamelContext's global SSL context parameters "
            + "when an endpoint sets none.")
    private boolean useGlobalSslContextParameters;

    /** Replaced only before the component starts (tests); read by endpoints on start. */
    private volatile DdpConnectionFactory connectionFactory = DdpConnectionFactory.DEFAULT;
    /** Replaced only before the component starts (tests: virtual time for rate-limit waits and token renewal). */
    private volatile Clock sessionClock = Clock.systemUTC();
    private volatile SessionTimer sessionTimer = SessionTimer.DEFAULT;
    /** Producer health check ids in use; guarded by itself (producers start and stop on any lifecycle thread). */
    private final Set<String> producerCheckIds = new HashSet<>();
    /** The completion pool every producer shares; created on first use, shut down in {@link #doStop()}. */
    private ExecutorService producerExecutor;
    /** The delivery pool every consumer shares; created on first use, shut down in {@link #doStop()}. */
    private ExecutorService consumerExecutor;
    /** The consumers' subscription waits while the context starts; created and registered on first use. */
    private io.github.camelrocketchat.consumer.StartupSubscriptions startupSubscriptions;
    /** Created on first use, closed in {@link #doStop()}. */
    private volatile RocketChatSessionRegistry sessionRegistry;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RocketChatConfiguration conf = configuration.copy();
        RocketChatEndpoint endpoint = new RocketChatEndpoint(uri, this, remaining, conf);
        setProperties(endpoint, parameters);
        if (conf.getSslContextParameters() == null && useGlobalSslContextParameters) {
            conf.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        try {
            endpoint.validate();
        } catch (IllegalArgumentException e) {
            throw new ResolveEndpointFailedException(uri, e.getMessage());
        }
        return endpoint;
    }

    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        Map<String, Object> unknown = optionPrefix == null ? parameters
                : org.apache.camel.util.PropertiesHelper.extractProperties(parameters, optionPrefix);
        if (unknown != null && !unknown.isEmpty()) {
            throw new ResolveEndpointFailedException(uri, "Unknown option" + (unknown.size() > 1 ? "s " : " ")
                    + new TreeSet<>(unknown.keySet()) + " for the rocketchat endpoint; valid options are " + validOptionNames());
        }
    }

    private TreeSet<String> validOptionNames() {
        TreeSet<String> names = new TreeSet<>();
        EndpointUriFactory factory = getCamelContext().getCamelContextExtension().getEndpointUriFactory("rocketchat");
        if (factory != null) {
            names.addAll(factory.propertyNames());
            names.remove("name");
        }
        return names;
    }

    @Override
    protected void doStop() throws Exception {
        RocketChatSessionRegistry r = sessionRegistry;
        if (r != null) {
            r.closeAll();
        }
        ExecutorService e;
        ExecutorService c;
        synchronized (this) {
            e = producerExecutor;
            producerExecutor = null;
            c = consumerExecutor;
            consumerExecutor = null;
        }
        if (e != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(e, TimeUnit.SECONDS.toMillis(10));
        }
        if (c != null) {
            getCamelContext().getExecutorServiceManager().shutdownGraceful(c, TimeUnit.SECONDS.toMillis(10));
        }
        super.doStop();
    }

    /** The shared sessions of this component. */
    public RocketChatSessionRegistry getSessionRegistry() {
        RocketChatSessionRegistry r = sessionRegistry;
        if (r == null) {
            synchronized (this) {
                r = sessionRegistry;
                if (r == null) {
                    DdpConnectionFactory f = connectionFactory;
                    Clock clock = sessionClock;
                    SessionTimer timer = sessionTimer;
                    r = new RocketChatSessionRegistry(settings -> new RocketChatSession(settings, f, null, clock, timer));
                    sessionRegistry = r;
                }
            }
        }
        return r;
    }

    /**
     * A unique, readable id for a producer's health check, {@code producer:rocketchat-<method>-<n>} (the {@code producer:} family Camel's filters match) with the lowest
     * free {@code n}: several producers may call the same method (the endpoint URI cannot serve as id: it may hold a
     * secret), and a restarted route gets its number back. Give it back with {@link #releaseProducerCheckId}.
     */
    public String acquireProducerCheckId(String method) {
        synchronized (producerCheckIds) {
            for (int n = 1; ; n++) {
                String id = "producer:rocketchat-" + method + "-" + n;
                if (producerCheckIds.add(id)) {
                    return id;
                }
            }
        }
    }

    public void releaseProducerCheckId(String id) {
        synchronized (producerCheckIds) {
            producerCheckIds.remove(id);
        }
    }

    public RocketChatConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every endpoint; each endpoint may override them. */
    public void setConfiguration(RocketChatConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSL context parameters when an endpoint sets none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public DdpConnectionFactory getConnectionFactory() {
        return connectionFactory;
    }

    /**
     * How sessions open their DDP connection (Java API only, for tests and custom transports). Must be set before
     * the first endpoint starts.
     */
    public synchronized void setConnectionFactory(DdpConnectionFactory connectionFactory) {
        if (sessionRegistry != null) {
            throw new IllegalStateException("The connection factory must be set before the first rocketchat endpoint starts");
        }
        this.connectionFactory = connectionFactory;
    }

    /**
     * The time sessions read and wait on: rate-limit waits, client-side rates, token renewal (Java API only, for tests
     * on virtual time). Must be set before the first endpoint starts.
     */
    public synchronized void setSessionTime(Clock clock, SessionTimer timer) {
        if (sessionRegistry != null) {
            throw new IllegalStateException("The session time must be set before the first rocketchat endpoint starts");
        }
        this.sessionClock = java.util.Objects.requireNonNull(clock, "clock");
        this.sessionTimer = java.util.Objects.requireNonNull(timer, "timer");
    }

    /**
     * The pool where producers complete their exchanges (never on the connection's callback thread, which every
     * endpoint of a session shares): one per component, so that {@code toD} over many rooms costs no pool per room.
     * Camel's default profile, except that it refuses work once shut down instead of discarding it silently, so a
     * producer can tell and complete elsewhere.
     */
    public synchronized ExecutorService producerExecutor() {
        if (producerExecutor == null) {
            ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
            ThreadPoolProfile profile = manager.getDefaultThreadPoolProfile().clone();
            profile.setId("RocketChatProducer");
            profile.setDefaultProfile(false);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            producerExecutor = manager.newThreadPool(this, "RocketChatProducer", profile);
        }
        return producerExecutor;
    }

    /**
     * The pool that runs every consumer's deliveries. Each consumer keeps its own order (its {@code ConsumerDelivery}
     * is a serial queue that runs on any executor), so consumers share a fixed number of threads instead of owning one
     * each: 10,000 room consumers cost the same threads as one. A route that blocks holds one of them while it runs;
     * the Camel thread pool profile {@value io.github.camelrocketchat.consumer.RocketChatConsumer#THREAD_POOL_PROFILE}
     * sizes the pool (default: twice the cores, at least 4).
     */
    public synchronized ExecutorService consumerExecutor() {
        if (consumerExecutor == null) {
            ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
            String id = io.github.camelrocketchat.consumer.RocketChatConsumer.THREAD_POOL_PROFILE;
            ThreadPoolProfile profile = manager.getThreadPoolProfile(id);
            if (profile == null) {
                int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
                profile = new ThreadPoolProfile(id);
                profile.setPoolSize(threads);
                profile.setMaxPoolSize(threads);
                profile.setKeepAliveTime(60_000L);
                profile.setTimeUnit(TimeUnit.MILLISECONDS);
                profile.setAllowCoreThreadTimeOut(true);
                // the queue holds drain tasks, at most one per consumer: the events wait in the consumers' own queues
                profile.setMaxQueueSize(Integer.MAX_VALUE);
                profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            }
            consumerExecutor = manager.newThreadPool(this, "RocketChatConsumer", profile);
        }
        return consumerExecutor;
    }

    /** Where consumers started with the context leave their wait for {@code ready} (see {@code StartupSubscriptions}). */
    public synchronized io.github.camelrocketchat.consumer.StartupSubscriptions startupSubscriptions() {
        if (startupSubscriptions == null) {
            startupSubscriptions = new io.github.camelrocketchat.consumer.StartupSubscriptions();
            try {
                getCamelContext().addStartupListener(startupSubscriptions);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot register the Rocket.Chat startup listener", e);
            }
        }
        return startupSubscriptions;
    }
}
