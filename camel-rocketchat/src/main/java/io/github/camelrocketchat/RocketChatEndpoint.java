package io.github.camelrocketchat;

import io.github.camelrocketchat.consumer.ConsumerTarget;
import io.github.camelrocketchat.consumer.RocketChatConsumer;
import io.github.camelrocketchat.producer.RocketChatProducer;
import io.github.camelrocketchat.support.EndpointNames;
import io.github.camelrocketchat.session.Credentials;
import io.github.camelrocketchat.session.CallRate;
import io.github.camelrocketchat.session.ConnectionKey;
import io.github.camelrocketchat.consumer.MessageEvent;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.RocketChatSessionRegistry;
import io.github.camelrocketchat.session.SessionSettings;
import io.github.camelrocketchat.session.TransportMode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Subscribe to Rocket.Chat streams and publications, and call Rocket.Chat methods, over the Realtime API (DDP).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "rocketchat", syntax = "rocketchat:name", title = "Rocket.Chat",
             category = { Category.CHAT }, headersClass = RocketChatConstants.class)
@ManagedResource(description = "Managed Rocket.Chat endpoint")
public class RocketChatEndpoint extends DefaultEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, HeaderFilterStrategyAware, MultipleConsumersSupport {

    @UriPath(description = "The DDP name. Consumer: the stream (stream-room-messages, stream-notify-room, stream-notify-user, "
            + "stream-notify-logged, stream-notify-all, stream-user-presence, any other stream-*) or classic publication to subscribe to. "
            + "Producer: the method to call (sendMessage, updateMessage, deleteMessage, setReaction, createChannel, createPrivateGroup, "
            + "createDirectMessage, joinRoom, leaveRoom, getRoomRoles, subscriptions/get, rooms/get, UserPresence:setDefaultStatus, "
            + "setUserStatus, loadHistory, loadMissedMessages, any other method) or stream-notify-room to send typing events.")
    @Metadata(required = true)
    private final String name;
    @UriParam
    private RocketChatConfiguration configuration;
    @UriParam(label = "advanced", description = "Filters the headers the consumer sets and the headers the producer reads as "
            + "per-exchange overrides.")
    private HeaderFilterStrategy headerFilterStrategy = new DefaultHeaderFilterStrategy();

    public RocketChatEndpoint(String uri, RocketChatComponent component, String name, RocketChatConfiguration configuration) {
        super(uri, component);
        this.name = name;
        this.configuration = configuration;
    }

    @Override
    public RocketChatComponent getComponent() {
        return (RocketChatComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        EndpointNames.validateForProducer(name);
        EndpointNames.checkSessionMethod(name, configuration.isAllowSessionMethods());
        return new RocketChatProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ConsumerTarget target = ConsumerTarget.of(name, configuration);
        RocketChatConsumer consumer = new RocketChatConsumer(this, processor, target);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Several routes may consume the same URI: each gets every event (on its own executor), over the one shared
     * subscription of the session.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    /** Checks the name and options; the message names the problem and the valid choices. */
    void validate() {
        EndpointNames.validateSyntax(name);
        RocketChatConfiguration c = configuration;
        if (c.getServerUrl() == null || c.getServerUrl().isBlank()) {
            throw new IllegalArgumentException("serverUrl is required, e.g. https://chat.example.com or ws://localhost:3000/websocket");
        }
        SessionSettings.webSocketUriOf(c.getServerUrl());
        if (c.getAuthToken() != null && c.getPassword() != null) {
            throw new IllegalArgumentException("Set either password (with username) or authToken, not both");
        }
        if (c.getAuthToken() == null && (c.getUsername() == null || c.getPassword() == null)) {
            throw new IllegalArgumentException("Credentials are required: username and password, or authToken "
                    + "(a resume token or personal access token, with userId)");
        }
        if (c.getTotpSecret() != null && c.getAuthToken() != null) {
            throw new IllegalArgumentException("totpSecret goes with username and password; a token login (authToken) is never "
                    + "asked for a two-factor code");
        }
        credentials(c); // checks totpSecret is base32 (the message shows none of it)
        TransportMode.parse(c.getTransport());
        MessageEvent.parseList(c.getMessageEvents());
        ConsumerTarget.parseParams(c.getParams());
        positive("connectTimeout", c.getConnectTimeout());
        positive("methodTimeout", c.getMethodTimeout());
        positive("pingInterval", c.getPingInterval());
        positive("pingTimeout", c.getPingTimeout());
        positive("limit", c.getLimit());
        positive("reconnectInitialDelay", c.getReconnectInitialDelay());
        if (c.getReconnectMaxDelay() < c.getReconnectInitialDelay()) {
            throw new IllegalArgumentException("reconnectMaxDelay (" + c.getReconnectMaxDelay() + " ms) must not be below "
                    + "reconnectInitialDelay (" + c.getReconnectInitialDelay() + " ms)");
        }
        positive("maxPendingCalls", c.getMaxPendingCalls());
        if (c.getRateLimitMaxWait() < 0) {
            throw new IllegalArgumentException("rateLimitMaxWait must be 0 (fail at the first refusal) or more, was " + c.getRateLimitMaxWait());
        }
        if (c.getRateLimit() != null && !c.getRateLimit().isBlank()) {
            CallRate.parse(c.getRateLimit());
        }
        if (c.getMaxReconnectAttempts() < 0) {
            throw new IllegalArgumentException("maxReconnectAttempts must be 0 (never give up) or more, was " + c.getMaxReconnectAttempts());
        }
        if (c.getSince() != null && !c.getSince().isBlank()) {
            io.github.camelrocketchat.consumer.Since.parse(c.getSince(), java.time.Instant.EPOCH);
        }
        if (c.getMaxQueueSize() < 1 && c.getMaxQueueSize() != -1) {
            throw new IllegalArgumentException("maxQueueSize must be positive, or -1 for an unbounded queue; got " + c.getMaxQueueSize());
        }
        if (c.getRoomId() != null && c.getRoomName() != null) {
            throw new IllegalArgumentException("Set either roomId or roomName, not both");
        }
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
    }

    /** The settings of this endpoint's session (the key decides which endpoints share it). */
    public SessionSettings sessionSettings() throws Exception {
        RocketChatConfiguration c = configuration;
        SSLContext ssl = c.getSslContextParameters() == null ? null : c.getSslContextParameters().createSSLContext(getCamelContext());
        return SessionSettings.of(c.getServerUrl(), credentials(c), c.getSslContextParameters(), ssl,
                Duration.ofMillis(c.getConnectTimeout()), Duration.ofMillis(c.getPingInterval()),
                Duration.ofMillis(c.getPingTimeout()), Duration.ofMillis(c.getMethodTimeout()),
                new SessionSettings.Reconnect(Duration.ofMillis(c.getReconnectInitialDelay()),
                        Duration.ofMillis(c.getReconnectMaxDelay()), c.getMaxReconnectAttempts()))
                .withMaxPendingCalls(c.getMaxPendingCalls());
    }

    /** The credentials the configuration names (validated: a token, or username and password). */
    static Credentials credentials(RocketChatConfiguration c) {
        return c.getAuthToken() != null ? Credentials.token(c.getUserId(), c.getAuthToken())
                : Credentials.password(c.getUsername(), c.getPassword(), c.getTotpSecret());
    }

    /** The key that decides which endpoints share a connection. */
    public static ConnectionKey connectionKey(RocketChatConfiguration c) {
        return ConnectionKey.of(c.getServerUrl(), credentials(c), c.getSslContextParameters());
    }

    /** The session this endpoint's consumers and producers share, or null while none is open. */
    private RocketChatSession currentSession() {
        return getComponent().getSessionRegistry().find(connectionKey(configuration));
    }

    @ManagedAttribute(description = "The shared session's state: connecting, ready, reconnecting, failed, closed; none when not open")
    public String getSessionState() {
        RocketChatSession s = currentSession();
        return s == null ? "none" : s.state().name().toLowerCase();
    }

    @ManagedAttribute(description = "Reconnects of the shared session so far")
    public long getReconnects() {
        RocketChatSession s = currentSession();
        return s == null ? 0 : s.status().reconnects();
    }

    @ManagedAttribute(description = "Failed attempts in a row of the current reconnect (0 when connected)")
    public int getReconnectAttempt() {
        RocketChatSession s = currentSession();
        return s == null ? 0 : s.status().reconnectAttempt();
    }

    @ManagedAttribute(description = "The Rocket.Chat server version, or empty while unknown")
    public String getServerVersion() {
        RocketChatSession s = currentSession();
        String v = s == null ? null : s.serverVersion();
        return v == null ? "" : v;
    }

    @ManagedAttribute(description = "Producer calls waiting in the shared session's outbound queue (rate limits, reconnect)")
    public int getOutboundWaiting() {
        RocketChatSession s = currentSession();
        return s == null ? 0 : s.outboundStatus().waiting();
    }

    @ManagedAttribute(description = "Rate-limit refusals the shared session waited out and retried")
    public long getRateLimitWaits() {
        RocketChatSession s = currentSession();
        return s == null ? 0 : s.outboundStatus().rateLimitRefusals();
    }

    @ManagedAttribute(description = "Producer calls refused because maxPendingCalls calls were already waiting")
    public long getRejectedCalls() {
        RocketChatSession s = currentSession();
        return s == null ? 0 : s.outboundStatus().rejected();
    }

    public RocketChatSessionRegistry sessionRegistry() {
        return getComponent().getSessionRegistry();
    }

    public TransportMode transportMode() {
        return TransportMode.parse(configuration.getTransport());
    }

    public String getName() {
        return name;
    }

    public RocketChatConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RocketChatConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    @Override
    public String getServiceUrl() {
        URI uri = SessionSettings.webSocketUriOf(configuration.getServerUrl());
        return uri.toString();
    }

    @Override
    public String getServiceProtocol() {
        return "ddp";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        if (configuration.getUsername() != null) {
            meta.put("username", configuration.getUsername());
        }
        if (configuration.getUserId() != null) {
            meta.put("userId", configuration.getUserId());
        }
        return meta.isEmpty() ? null : meta;
    }
}
