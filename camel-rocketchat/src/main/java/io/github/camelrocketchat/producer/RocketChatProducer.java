package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.RocketChatEndpoint;
import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.support.Awaits;
import io.github.camelrocketchat.support.RocketChatErrors;
import io.github.camelrocketchat.support.RocketChatHealthCheck;
import io.github.camelrocketchat.session.RocketChatCall;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.RocketChatSessionRegistry;
import io.github.camelrocketchat.session.CallPolicy;
import io.github.camelrocketchat.session.CallRate;
import io.github.camelrocketchat.session.SessionSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a Rocket.Chat method per exchange, over DDP or REST (see {@code transport}). Never blocks the calling
 * thread on a round trip and never throws from {@link #process(Exchange, AsyncCallback)}: failures are set on the
 * exchange as {@link RocketChatException}s before the callback; completions run on this producer's executor,
 * never on a socket or DDP thread.
 */
public class RocketChatProducer extends DefaultAsyncProducer {
    private static final Logger LOG = LoggerFactory.getLogger(RocketChatProducer.class);
    private final ProducerBinding binding;
    /** How this producer's calls go out; resendable is decided per call. */
    private final CallPolicy policy;
    /** Set in doStart, cleared in doStop (Camel lifecycle thread); read by process on any thread. */
    private volatile RocketChatSessionRegistry.Lease lease;
    private volatile ExecutorService executor;
    private volatile RocketChatHealthCheck healthCheck;
    private volatile WritableHealthCheckRepository healthRepository;
    /** Taken from the component on start, given back on stop (Camel lifecycle thread). */
    private volatile String healthCheckId;

    public RocketChatProducer(RocketChatEndpoint endpoint) {
        super(endpoint);
        this.binding = new ProducerBinding(endpoint.getConfiguration(), endpoint.getHeaderFilterStrategy());
        RocketChatConfiguration c = endpoint.getConfiguration();
        this.policy = new CallPolicy(endpoint.transportMode(), Duration.ofMillis(c.getMethodTimeout()), false,
                Duration.ofMillis(c.getRateLimitMaxWait()),
                c.getRateLimit() == null || c.getRateLimit().isBlank() ? null : CallRate.parse(c.getRateLimit()));
    }

    @Override
    public RocketChatEndpoint getEndpoint() {
        return (RocketChatEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RocketChatEndpoint endpoint = getEndpoint();
        executor = endpoint.getComponent().producerExecutor();
        try {
            SessionSettings settings = endpoint.sessionSettings();
            lease = endpoint.sessionRegistry().acquire(settings);
            Awaits.await(lease.session().start(), settings.startTimeout().toMillis(),
                    "Cannot open the Rocket.Chat session " + settings.key().describe());
        } catch (Exception e) {
            stopAll();
            throw e;
        }
        // always registered, switched by the option (as Camel's own producers do): an operator can enable it at runtime
        healthRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthRepository != null) {
            healthCheckId = endpoint.getComponent().acquireProducerCheckId(endpoint.getName());
            healthCheck = new RocketChatHealthCheck("camel", healthCheckId, this::session, null, this::producerDetails);
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopAll();
        super.doStop();
    }

    private void stopAll() {
        if (healthRepository != null && healthCheck != null) {
            healthRepository.removeHealthCheck(healthCheck);
        }
        healthCheck = null;
        healthRepository = null;
        if (healthCheckId != null) {
            getEndpoint().getComponent().releaseProducerCheckId(healthCheckId);
            healthCheckId = null;
        }
        RocketChatSessionRegistry.Lease l = lease;
        lease = null;
        if (l != null) {
            l.close();
        }
        executor = null;
    }

    /** Which producer this is, for its health check: the method and the endpoint's room (never a secret). */
    private Map<String, Object> producerDetails() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rocketchat.producer.method", getEndpoint().getName());
        RocketChatConfiguration c = getEndpoint().getConfiguration();
        String room = c.getRoomId() != null ? c.getRoomId() : c.getRoomName();
        if (room != null) {
            out.put("rocketchat.producer.room", room);
        }
        return out;
    }

    RocketChatSession session() {
        RocketChatSessionRegistry.Lease l = lease;
        return l == null ? null : l.session();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ProducerInput input;
        RocketChatSession session = session();
        ExecutorService exec = executor;
        try {
            if (session == null || exec == null) {
                throw new RocketChatException("The rocketchat producer " + getEndpoint().getName() + " is not started",
                        "not-started", null, null, null, null);
            }
            input = binding.readInput(exchange, getEndpoint().getName());
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<String> room = input.roomName() != null
                ? session.resolveRoom(input.roomName()) : CompletableFuture.completedFuture(input.roomId());
        String endpointKey = getEndpoint().getEndpointKey();
        room.thenCompose(rid -> {
            ProducerInput resolved = input.roomName() != null ? input.withRoomId(rid) : input;
            RocketChatCall call = ProducerCalls.build(resolved, session.username(), () -> SendIds.forSend(exchange, endpointKey));
            boolean send = "sendMessage".equals(call.method());
            CompletableFuture<Object> result = session.invoke(call, policy.resendable(send));
            return (send ? SentMessages.confirm(session, call, result) : result)
                    .thenApply(r -> new Outcome(resolved, call, r));
        }).whenCompleteAsync((outcome, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(RocketChatErrors.map(failure, input.method()));
                } else {
                    ProducerResults.apply(exchange.getMessage(), outcome.input(), outcome.call(), outcome.result());
                    if ("sendMessage".equals(outcome.call().method())) {
                        SendIds.sent(exchange, endpointKey);
                    }
                }
            } catch (RuntimeException e) {
                exchange.setException(RocketChatErrors.map(e, input.method()));
            } finally {
                callback.done(false);
            }
        }, task -> completeOn(exec, task));
        return false;
    }

    /**
     * Runs a completion on this producer's executor or, once the producer has stopped (the reply came after stop,
     * or the CamelContext is shutting down), on the JDK's common pool: the callback is called either way, and the
     * rest of the route never runs on the calling thread, which is the session's DDP callback thread that every
     * consumer and producer of the connection shares.
     */
    private void completeOn(ExecutorService exec, Runnable completion) {
        try {
            exec.execute(completion);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Producer {} stopped before a reply arrived: completing its exchange on the common pool",
                    getEndpoint().getName());
            ForkJoinPool.commonPool().execute(completion);
        }
    }

    private record Outcome(ProducerInput input, RocketChatCall call, Object result) {
    }
}
