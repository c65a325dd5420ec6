package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.RocketChatEndpoint;
import io.github.camelrocketchat.support.Awaits;
import io.github.camelrocketchat.support.RocketChatHealthCheck;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.session.CombinedRegistration;
import io.github.camelrocketchat.session.PublicationChange;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.RocketChatSessionRegistry;
import io.github.camelrocketchat.session.SessionSettings;
import io.github.camelrocketchat.session.StreamDelivery;
import io.github.camelrocketchat.session.StreamRegistration;
import io.github.camelrocketchat.session.SessionException;
import io.github.camelrocketchat.session.SessionListener;
import io.github.camelrocketchat.support.RocketChatErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to a stream or publication on the endpoint's shared session and delivers each event as an exchange,
 * in order, on its own single-threaded executor: the socket and DDP threads never run a route.
 *
 * <p>Start fails (so a supervising route controller can retry) when the server is unreachable, the login fails,
 * {@code roomName} does not resolve, or the server refuses the subscription.
 */
public class RocketChatConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(RocketChatConsumer.class);
    private static final int CACHE_PER_ROOM = 1000;
    private static final int CACHE_ROOMS = 1000;
    private static final String NOTIFY_ROOM = "stream-notify-room";

    private final ConsumerTarget target;
    private final ConsumerBinding binding;
    private final Set<MessageEvent> messageEvents;
    private final boolean skipOwnMessages;

    /** Created in doStart, used only on the delivery executor. */
    private MessageEventClassifier classifier;
    /** Set in doStart, cleared in doStop (Camel lifecycle thread); read by health checks. */
    private volatile RocketChatSessionRegistry.Lease lease;
    private volatile StreamRegistration subscription;
    private volatile ConsumerDeliveryQueue queue;
    private volatile SessionListener.Handle sessionListener;
    /** Drops counted by delivery queues of earlier starts; written on stop (Camel lifecycle thread). */
    private volatile long droppedBefore;
    /** The logged-in user id, for skipOwnMessages; set in doStart. */
    private volatile String ownUserId;

    public RocketChatConsumer(RocketChatEndpoint endpoint, Processor processor, ConsumerTarget target) {
        super(endpoint, processor);
        this.target = target;
        RocketChatConfiguration c = endpoint.getConfiguration();
        this.binding = new ConsumerBinding(endpoint.getHeaderFilterStrategy());
        this.messageEvents = MessageEvent.parseList(c.getMessageEvents());
        this.skipOwnMessages = c.isSkipOwnMessages();
    }

    @Override
    public RocketChatEndpoint getEndpoint() {
        return (RocketChatEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RocketChatEndpoint endpoint = getEndpoint();
        if (endpoint.getComponent().isHealthCheckConsumerEnabled()) {
            setHealthCheck(new RocketChatHealthCheck("camel", "rocketchat-consumer-" + getRouteId(), this::session, () -> subscription,
                    this::deliveryDetails));
        }
        classifier = new MessageEventClassifier(CACHE_PER_ROOM, CACHE_ROOMS);
        queue = new ConsumerDeliveryQueue(endpoint.getCamelContext(), this, endpoint.getName() + " of route " + getRouteId(),
                endpoint.getConfiguration().getMaxQueueSize());
        try {
            SessionSettings settings = endpoint.sessionSettings();
            lease = endpoint.sessionRegistry().acquire(settings);
            subscribe(lease.session(), settings);
        } catch (Exception e) {
            releaseAll();
            throw e;
        }
    }

    private void subscribe(RocketChatSession session, SessionSettings settings) throws Exception {
        long timeout = settings.startTimeout().toMillis();
        Awaits.await(session.start(), timeout, "Cannot open the Rocket.Chat session " + session.key().describe());
        ownUserId = session.userId();
        RocketChatConfiguration c = getEndpoint().getConfiguration();
        String roomId = c.getRoomId();
        if (c.getRoomName() != null && target.usesRoom()) {
            roomId = Awaits.await(session.resolveRoom(c.getRoomName()), settings.methodTimeout().toMillis(),
                    "Cannot resolve roomName '" + c.getRoomName() + "'");
        }
        StreamRegistration main = switch (target.kind()) {
            case STREAM -> session.subscribeStream(target.name(), target.eventName(roomId, session.userId()), this::onStreamEvent);
            case PRESENCE -> session.subscribePresence(target.userIds(), this::onStreamEvent);
            case PUBLICATION -> session.subscribePublication(target.name(), target.params(), target.collection(), this::onPublication);
        };
        subscription = main;
        List<String> deletionEvents = messageEvents.contains(MessageEvent.DELETED) ? target.hardDeletionEvents(roomId) : List.of();
        List<StreamRegistration> parts = new ArrayList<>(List.of(main));
        // register every part before waiting on any, so no deletion is missed between two readies
        for (String eventName : deletionEvents) {
            parts.add(session.subscribeStream(NOTIFY_ROOM, eventName, this::onHardDeletion));
            subscription = new CombinedRegistration(parts);
        }
        sessionListener = session.addListener(new SessionListener() {
            @Override
            public void onGaveUp(SessionException error) {
                // the ExceptionHandler may run an error route (bridgeErrorHandler): never on the DDP callback thread
                submit(() -> getExceptionHandler().handleException("Rocket.Chat connection " + session.key().describe()
                        + " gave up reconnecting: this consumer receives nothing more", RocketChatErrors.map(error, null)));
            }
        });
        Awaits.await(main.ready(), settings.methodTimeout().toMillis(),
                "The server refused the subscription to " + describeTarget(roomId, session));
        for (int i = 0; i < deletionEvents.size(); i++) {
            Awaits.await(parts.get(i + 1).ready(), settings.methodTimeout().toMillis(), "The server refused the subscription to "
                    + NOTIFY_ROOM + " " + deletionEvents.get(i) + ", which carries the hard deletions of room " + roomId
                    + " (leave deleted out of messageEvents to do without)");
        }
        LOG.info("Subscribed to {} on {}{}", describeTarget(roomId, session), session.key().describe(),
                deletionEvents.isEmpty() ? "" : " (hard deletions from " + NOTIFY_ROOM + " " + String.join(", ", deletionEvents) + ")");
    }

    private String describeTarget(String roomId, RocketChatSession session) {
        return switch (target.kind()) {
            case STREAM -> target.name() + " " + target.eventName(roomId, session.userId());
            case PRESENCE -> target.name() + " for " + target.userIds();
            case PUBLICATION -> target.name() + " " + target.params() + " (collection " + target.collection() + ")";
        };
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
        ConsumerDeliveryQueue q = queue;
        queue = null;
        if (q != null) {
            q.shutdown();
            droppedBefore += q.dropped();
        }
        RocketChatSessionRegistry.Lease le = lease;
        lease = null;
        if (le != null) {
            le.close();
        }
    }

    /** The session in use, or null when stopped (health check). */
    RocketChatSession session() {
        RocketChatSessionRegistry.Lease le = lease;
        return le == null ? null : le.session();
    }

    /** The subscription in use, or null (tests, health). */
    StreamRegistration subscription() {
        return subscription;
    }

    /** Called on the DDP callback thread: hand over and return. */
    private void onStreamEvent(StreamDelivery delivery) {
        submit(() -> deliverStreamEvent(delivery));
    }

    /** A hard deletion of the room (DDP callback thread): queued behind the room's messages, in arrival order. */
    private void onHardDeletion(StreamDelivery delivery) {
        submit(() -> {
            for (Object body : binding.hardDeletionBodies(delivery)) {
                deliver(exchange -> binding.fillHardDeletionExchange(exchange, delivery, body));
            }
        });
    }

    private void onPublication(PublicationChange change) {
        submit(() -> deliver(exchange -> binding.fillPublicationExchange(exchange, target.name(), change)));
    }

    /** Hands {@code task} to the delivery thread; never runs it here (the DDP callback thread of every consumer). */
    private void submit(Runnable task) {
        ConsumerDeliveryQueue q = queue;
        if (q != null) {
            q.submit(task);
        }
    }

    /** Events dropped because the delivery queue was full, since this consumer was created (restarts included). */
    long droppedEvents() {
        ConsumerDeliveryQueue q = queue;
        return droppedBefore + (q == null ? 0 : q.dropped());
    }

    private Map<String, Object> deliveryDetails() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rocketchat.consumer.dropped", droppedEvents());
        ConsumerDeliveryQueue q = queue;
        if (q != null && q.queued() >= 0) {
            out.put("rocketchat.consumer.queued", q.queued());
        }
        return out;
    }

    private void deliverStreamEvent(StreamDelivery delivery) {
        MessageEvent event = null;
        if (delivery.body() instanceof ChatMessage m && "stream-room-messages".equals(delivery.stream())) {
            if (skipOwnMessages && ownUserId != null && ownUserId.equals(m.authorId())) {
                return;
            }
            event = classifier.classify(m);
            if (event == null) {
                LOG.trace("Repeat of message {} dropped", m.id());
                return;
            }
        } else if (delivery.body() instanceof DeletedMessage) {
            event = MessageEvent.DELETED;
        }
        if (event != null && !messageEvents.contains(event)) {
            return;
        }
        MessageEvent finalEvent = event;
        deliver(exchange -> binding.fillStreamExchange(exchange, delivery, finalEvent));
    }

    private void deliver(java.util.function.Consumer<Exchange> fill) {
        Exchange exchange = createExchange(false);
        try {
            fill.accept(exchange);
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
        } catch (Exception e) {
            getExceptionHandler().handleException("Error processing a Rocket.Chat event", exchange, e);
            releaseExchange(exchange, false);
        }
    }
}
