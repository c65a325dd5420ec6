package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.ReconnectPolicy;
import io.github.camelrocketchat.rest.RocketChatRestClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DDP connection and one login, shared by every endpoint with the same {@link ConnectionKey}: shared
 * stream subscriptions, room name resolution, calls routed over DDP or REST, and the missed events of a room.
 *
 * <p>The connection heals itself: after a loss the DDP client reconnects with backoff, this session logs in again
 * before anything else is sent ({@link SessionLogin}), and every shared subscription is sent again once. A loss is
 * a suspended state ({@link SessionState#RECONNECTING}), not an end: only giving up ({@code maxReconnectAttempts})
 * or {@link #close()} ends the session.
 *
 * <p>Thread-safety: all public methods may be called from any thread. Futures complete on the DDP client's
 * callback thread or the HTTP client's threads: callers hop to their own executors before running routes.
 */
public final class RocketChatSession {
    private static final Logger LOG = LoggerFactory.getLogger(RocketChatSession.class);
    private static final Duration MAX_LOGOUT_WAIT = Duration.ofSeconds(5);

    private final SessionSettings settings;
    private final DdpConnectionFactory factory;
    private final RocketChatRestClient rest;
    private final SessionTransportSelector transports;
    private final SessionLogin login;
    private final TokenRenewal renewal;
    private final ConnectionWatch watch;
    private final Clock clock;
    private final SessionTimer timer;
    private final SessionIdentity identity;

    /** Guarded by {@code this}; set once by {@link #start()}. */
    private DdpConnection ddp;
    private StreamFanOut streams;
    private PresenceWatch presence;
    private RoomResolver rooms;
    private MissedEvents missed;
    private OutboundCalls outbound;
    private CompletableFuture<Void> started;

    public RocketChatSession(SessionSettings settings, DdpConnectionFactory factory) {
        this(settings, factory, null, Clock.systemUTC());
    }

    /**
     * @param totpCode gives a current TOTP code when the server asks for one (null: from the credentials' TOTP secret,
     *                 if any)
     */
    public RocketChatSession(SessionSettings settings, DdpConnectionFactory factory, Supplier<String> totpCode, Clock clock) {
        this(settings, factory, totpCode, clock, SessionTimer.DEFAULT);
    }

    /** @param timer runs the renewal of the login token before it expires (tests: virtual time, with {@code clock}) */
    public RocketChatSession(SessionSettings settings, DdpConnectionFactory factory, Supplier<String> totpCode, Clock clock,
                             SessionTimer timer) {
        this.settings = settings;
        this.factory = factory;
        this.clock = clock;
        this.timer = timer;
        this.renewal = new TokenRenewal(settings.key().describe(), settings.credentials(),
                totpCode != null ? totpCode : settings.credentials().totpCodes(clock), clock, timer, this::startedConnection);
        this.login = renewal.login();
        this.identity = new SessionIdentity(login, settings.key());
        this.rest = new RocketChatRestClient(RocketChatRestClient.siteUriOf(settings.webSocketUri()), settings.sslContext(),
                settings.connectTimeout(), settings.methodTimeout(), identity::restCredentials, renewal::afterRejection, clock);
        this.transports = new SessionTransportSelector(settings.key().describe(), rest::serverVersion);
        this.watch = new ConnectionWatch(settings.key().describe(), clock);
    }

    /** Connects and logs in; every call returns the same future. */
    public synchronized CompletableFuture<Void> start() {
        if (started != null) {
            return started;
        }
        watch.starting();
        PlainTextWarning.check(settings.key().describe(), settings.webSocketUri(), settings.credentials());
        SessionSettings.Reconnect r = settings.reconnect();
        DdpClientOptions options = DdpClientOptions.builder(settings.webSocketUri().toString())
                .connectTimeout(settings.connectTimeout()).pingInterval(settings.pingInterval())
                .pingTimeout(settings.pingTimeout()).methodTimeout(settings.methodTimeout())
                .sslContext(settings.sslContext()).name("rocketchat-" + settings.key().describe())
                .reconnect(new ReconnectPolicy(r.initialDelay(), r.maxDelay(), r.maxAttempts()))
                .handshake(login::handshake).retryRateLimitedSubscriptions(true).build();
        ddp = factory.create(options);
        streams = new StreamFanOut(ddp);
        presence = new PresenceWatch(ddp);
        rooms = new RoomResolver(ddp, settings.methodTimeout());
        missed = new MissedEvents(ddp, rest, transports, settings.methodTimeout());
        DdpConnection d = ddp;
        outbound = new OutboundCalls(settings.key().describe(), settings.maxPendingCalls(), clock, timer,
                () -> ThreadLocalRandom.current().nextDouble(), this::isReady, new CallRouter(() -> d, rest, transports));
        ddp.addConnectionListener(watch);
        OutboundCalls o = outbound;
        watch.addListener(new SessionListener() {
            @Override
            public void onGaveUp(SessionException error) {
                o.close(error);
            }
        });
        identity.watch(ddp);
        started = SessionErrors.translate(ddp.connect().thenAccept(sessionId -> {
            watch.ready(sessionId, userId());
            transports.serverVersion(); // learnt once, in the background: operators see it, transport choices need it
        }), null);
        started.whenComplete((v, e) -> {
            if (e != null) {
                watch.startFailed(e);
            }
        });
        return started;
    }

    /**
     * Logs out (only a password login: logging out of a token login would revoke the user's token) and closes
     * the socket. Idempotent; waits at most a few seconds for the logout.
     */
    public void close() {
        DdpConnection d;
        boolean logout;
        renewal.close();
        synchronized (this) {
            SessionState before = watch.close();
            if (before == SessionState.CLOSED) {
                return;
            }
            logout = before == SessionState.READY && settings.credentials() instanceof Credentials.Password;
            d = ddp;
            if (outbound != null) {
                outbound.close(new SessionException(SessionException.Kind.CONNECTION_CLOSED, "The Rocket.Chat session "
                        + settings.key().describe() + " was closed before the call was sent", "connection-closed", null, null,
                        null, null));
            }
        }
        if (d == null) {
            return;
        }
        if (logout && d.isConnected()) {
            Duration wait = settings.methodTimeout().compareTo(MAX_LOGOUT_WAIT) < 0 ? settings.methodTimeout() : MAX_LOGOUT_WAIT;
            try {
                d.logout().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("Logout from {} failed: {}", settings.key().describe(), e.toString());
            }
        }
        d.close();
        LOG.info("Rocket.Chat session {} closed", settings.key().describe());
    }

    /**
     * Calls {@code call} over DDP or REST as {@code policy} and the server decide, through the session's outbound
     * queue: in order per method, held while the connection is restored (at most {@code maxPendingCalls}) and while
     * the server's rate limiter asks to wait (up to {@code policy.rateLimitMaxWait()}), under the policy's
     * client-side rate. Fails with a {@link SessionException}.
     */
    public CompletableFuture<Object> invoke(RocketChatCall call, CallPolicy policy) {
        connection();
        SessionState st = watch.state();
        if (st == SessionState.CLOSED || st == SessionState.FAILED) {
            return CompletableFuture.failedFuture(new SessionException(SessionException.Kind.CONNECTION_CLOSED,
                    call.method() + " failed: the Rocket.Chat session " + settings.key().describe() + " is " + st.name().toLowerCase()
                            + (watch.lastProblem() == null ? "" : " (" + watch.lastProblem() + ")"),
                    "connection-closed", null, null, call.method(), null));
        }
        return outboundOrNull().submit(call, policy);
    }

    /** {@link #invoke(RocketChatCall, CallPolicy)}: not resendable, no waiting for the rate limiter. */
    public CompletableFuture<Object> invoke(RocketChatCall call, TransportMode mode, Duration timeout) {
        return invoke(call, CallPolicy.of(mode, timeout));
    }

    /** Calls that wait in the outbound queue, rate-limit refusals waited out, and calls refused for a full queue. */
    public OutboundStatus outboundStatus() {
        OutboundCalls o = outboundOrNull();
        return o == null ? new OutboundStatus(0, 0, 0, 0) : o.status();
    }

    /** The message {@code messageId} as stored on the server, or null when there is none (REST {@code chat.getMessage}). */
    public CompletableFuture<Map<String, Object>> findMessage(String messageId) {
        connection();
        return SessionErrors.translate(rest.getMessage(messageId), "chat.getMessage");
    }

    /** Registers a consumer of (stream, eventName); the DDP subscription is shared with other consumers of it. */
    public StreamRegistration subscribeStream(String stream, String eventName, SubscriptionSink<StreamDelivery> sink) {
        connection();
        return streams.register(stream, eventName, sink);
    }

    /** Registers a consumer of {@code stream-user-presence} for {@code userIds}. */
    public StreamRegistration subscribePresence(List<String> userIds, SubscriptionSink<StreamDelivery> sink) {
        connection();
        return presence.register(userIds, sink);
    }

    /**
     * Subscribes a classic publication and receives the data messages of {@code collection}, or of every collection
     * when it is null.
     */
    public StreamRegistration subscribePublication(String name, List<Object> params, String collection,
                                                   SubscriptionSink<PublicationChange> sink) {
        return new PublicationWatch(connection(), name, params, collection, sink);
    }

    /** Resolves a room name (or id) to the room id. */
    public CompletableFuture<String> resolveRoom(String nameOrId) {
        connection();
        return SessionErrors.translate(rooms.resolve(nameOrId), "getRoomIdByNameOrId");
    }

    /**
     * What changed in a room since {@code since} (exclusive), oldest first: new and changed messages as
     * {@code stream-room-messages} deliveries, then hard deletions as {@code deleteMessage} deliveries. With
     * {@code roomId} {@code __my_messages__}, of every room the user is subscribed to. Uses REST
     * {@code chat.syncMessages} (which knows edits and deletions), or DDP {@code loadMissedMessages} (new messages
     * only) where the server has no REST API.
     */
    public CompletableFuture<List<StreamDelivery>> missedEvents(String roomId, Instant since) {
        connection();
        return SessionErrors.translate(missed.since(roomId, since), "missed messages of " + roomId);
    }

    public SessionListener.Handle addListener(SessionListener listener) {
        return watch.addListener(listener);
    }

    public SessionSettings settings() {
        return settings;
    }

    public ConnectionKey key() {
        return settings.key();
    }

    public SessionState state() {
        return watch.state();
    }

    /** A snapshot for health checks. */
    public SessionStatus status() {
        DdpConnection d = ddp;
        return watch.status(d == null ? null : d.status());
    }

    /** True when connected and logged in. */
    public boolean isReady() {
        DdpConnection d = ddp;
        return watch.state() == SessionState.READY && d != null && d.status().state() == DdpClient.State.READY;
    }

    /** The logged-in user's id, or null before login. */
    public String userId() {
        return identity.userId();
    }

    /** The logged-in user's username: the login name, or the one the server published; null when unknown. */
    public String username() {
        return identity.username();
    }

    /**
     * How many inbound frames the DDP client dropped as malformed or unexpected since the session started (0 before
     * it started). Anything above 0 means the server sent something this client does not understand: the client logs
     * the first of each kind at WARN.
     */
    public long badFrameCount() {
        DdpConnection d = ddp;
        return d == null ? 0 : d.badFrameCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The server's version as learned from {@code /api/info}, or null while unknown (never waits for it). */
    public String serverVersion() {
        CompletableFuture<ServerVersion> v = transports.serverVersion();
        ServerVersion known = v.isDone() && !v.isCompletedExceptionally() ? v.getNow(null) : null;
        return known == null ? null : known.toString();
    }

    /** Health details without secrets. */
    public Map<String, Object> describe() {
        return SessionDetails.of(settings, status(), ddp, badFrameCount(), outboundStatus(), transports.describe());
    }

    /** The REST client of this session (tests, advanced use). */
    public RocketChatRestClient rest() {
        return rest;
    }

    /** The DDP connection, or null before {@link #start()}. */
    private synchronized DdpConnection startedConnection() {
        return ddp;
    }

    private synchronized OutboundCalls outboundOrNull() {
        return outbound;
    }

    private synchronized DdpConnection connection() {
        if (ddp == null) {
            throw new IllegalStateException("Rocket.Chat session " + settings.key().describe() + " is not started");
        }
        return ddp;
    }

    @Override
    public String toString() {
        return "RocketChatSession[" + settings.key().describe() + ", " + watch.state() + "]";
    }
}
