package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.rest.RestCredentials;
import io.github.camelrocketchat.rest.RocketChatRestClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DDP connection and one login, shared by every endpoint with the same {@link ConnectionKey}: shared
 * stream subscriptions, room name resolution, and calls routed over DDP or REST.
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
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** Usernames of published {@code users} documents by id; written on the DDP callback thread. */
    private final Map<String, String> publishedUsernames = new ConcurrentHashMap<>();

    /** Guarded by {@code this}; set once by {@link #start()}. */
    private DdpConnection ddp;
    private StreamFanOut streams;
    private PresenceWatch presence;
    private RoomResolver rooms;
    private CompletableFuture<Void> started;
    /** Any thread reads; written under {@code this} or on the DDP callback thread. */
    private volatile SessionState state = SessionState.NEW;
    /** Set once login succeeded (DDP callback thread), read anywhere. */
    private volatile LoginResult login;
    /** Why the session failed or was lost, for health details. */
    private volatile String lastProblem;

    public RocketChatSession(SessionSettings settings, DdpConnectionFactory factory) {
        this.settings = settings;
        this.factory = factory;
        this.rest = new RocketChatRestClient(RocketChatRestClient.siteUriOf(settings.webSocketUri()),
                settings.sslContext(), settings.connectTimeout(), settings.methodTimeout(), this::restCredentials);
        this.transports = new SessionTransportSelector(settings.key().describe(), rest::serverVersion);
    }

    /** Connects and logs in; every call returns the same future. */
    public synchronized CompletableFuture<Void> start() {
        if (started != null) {
            return started;
        }
        state = SessionState.CONNECTING;
        DdpClientOptions options = DdpClientOptions.builder(settings.webSocketUri().toString())
                .connectTimeout(settings.connectTimeout()).pingInterval(settings.pingInterval())
                .pingTimeout(settings.pingTimeout()).methodTimeout(settings.methodTimeout())
                .sslContext(settings.sslContext()).name("rocketchat-" + settings.key().describe()).build();
        ddp = factory.create(options);
        streams = new StreamFanOut(ddp);
        presence = new PresenceWatch(ddp);
        rooms = new RoomResolver(ddp, settings.methodTimeout());
        ddp.addConnectionListener(new DdpConnectionListener() {
            @Override
            public void onDisconnected(DdpDisconnect disconnect) {
                if (!disconnect.requested()) {
                    lost(disconnect);
                }
            }
        });
        ddp.onCollection("users", new DdpCollectionListener() {
            @Override
            public void added(String collection, String id, Map<String, Object> fields) {
                if (fields != null && fields.get("username") instanceof String u) {
                    publishedUsernames.put(id, u);
                }
            }
        });
        started = SessionErrors.translate(ddp.connect().thenCompose(sessionId -> ddp.login(settings.credentials().loginRequest()))
                .thenAccept(this::loggedIn), null);
        started.whenComplete((v, e) -> {
            if (e != null) {
                failed(e);
            }
        });
        return started;
    }

    private void loggedIn(LoginResult result) {
        login = result;
        synchronized (this) {
            if (state == SessionState.CONNECTING) {
                state = SessionState.READY;
            }
        }
        LOG.info("Rocket.Chat session {} ready: DDP session {}, user id {}", settings.key().describe(), ddp.sessionId(), result.userId());
    }

    private synchronized void failed(Throwable e) {
        if (state == SessionState.CONNECTING) {
            state = SessionState.FAILED;
            lastProblem = String.valueOf(SessionErrors.unwrap(e).getMessage());
        }
    }

    private void lost(DdpDisconnect d) {
        synchronized (this) {
            if (state != SessionState.READY && state != SessionState.CONNECTING) {
                return;
            }
            state = SessionState.LOST;
            lastProblem = d.reason();
        }
        LOG.warn("Rocket.Chat connection {} lost: {} (close code {}); its consumers stop receiving until their routes restart",
                settings.key().describe(), d.reason(), d.closeCode());
        for (SessionListener l : listeners) {
            try {
                l.onConnectionLost(d.reason(), d.cause());
            } catch (RuntimeException e) {
                LOG.warn("A session listener failed: {}", e.toString(), e);
            }
        }
    }

    /**
     * Logs out (only a password login: logging out of a token login would revoke the user's token) and closes
     * the socket. Idempotent; waits at most a few seconds for the logout.
     */
    public void close() {
        DdpConnection d;
        boolean logout;
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            logout = state == SessionState.READY && settings.credentials() instanceof Credentials.Password;
            state = SessionState.CLOSED;
            d = ddp;
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

    /** Calls {@code call} over DDP or REST as {@code mode} and the server decide. */
    public CompletableFuture<Object> invoke(RocketChatCall call, TransportMode mode, Duration timeout) {
        DdpConnection d = connection();
        SessionState st = state;
        if (st == SessionState.LOST || st == SessionState.CLOSED || st == SessionState.FAILED) {
            // there is no reconnection: the DDP client would queue the call until its timeout for nothing
            return CompletableFuture.failedFuture(new SessionException(SessionException.Kind.CONNECTION_CLOSED,
                    call.method() + " failed: the Rocket.Chat session " + settings.key().describe() + " is " + st.name().toLowerCase()
                            + (lastProblem == null ? "" : " (" + lastProblem + ")") + "; restart the route to open a new one",
                    "connection-closed", null, null, call.method(), null));
        }
        return SessionErrors.translate(transports.choose(call, mode).thenCompose(route -> route == SessionTransportSelector.Route.REST
                ? viaRest(call)
                : d.call(call.method(), call.params(), timeout).handle((result, err) -> {
                    if (err == null) {
                        return CompletableFuture.completedFuture(result);
                    }
                    return transports.fallBackAfter(call, mode, err) ? viaRest(call) : CompletableFuture.failedFuture(err);
                }).thenCompose(f -> f)), call.method());
    }

    private CompletableFuture<Object> viaRest(RocketChatCall call) {
        return call.rest() != null ? call.rest().apply(rest) : rest.methodCall(call.method(), call.params());
    }

    /** Registers a consumer of (stream, eventName); the DDP subscription is shared with other consumers of it. */
    public StreamRegistration subscribeStream(String stream, String eventName, Consumer<StreamDelivery> sink) {
        connection();
        return streams.register(stream, eventName, sink);
    }

    /** Registers a consumer of {@code stream-user-presence} for {@code userIds}. */
    public StreamRegistration subscribePresence(List<String> userIds, Consumer<StreamDelivery> sink) {
        connection();
        return presence.register(userIds, sink);
    }

    /** Subscribes a classic publication and receives the data messages of {@code collection}. */
    public StreamRegistration subscribePublication(String name, List<Object> params, String collection,
                                                   Consumer<PublicationChange> sink) {
        return new PublicationWatch(connection(), name, params, collection, sink);
    }

    /** Resolves a room name (or id) to the room id. */
    public CompletableFuture<String> resolveRoom(String nameOrId) {
        connection();
        return SessionErrors.translate(rooms.resolve(nameOrId), "getRoomIdByNameOrId");
    }

    public SessionListener.Handle addListener(SessionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public SessionSettings settings() {
        return settings;
    }

    public ConnectionKey key() {
        return settings.key();
    }

    public SessionState state() {
        return state;
    }

    /** True when connected and logged in. */
    public boolean isReady() {
        DdpConnection d = ddp;
        return state == SessionState.READY && d != null && d.isConnected();
    }

    /** The logged-in user's id, or null before login. */
    public String userId() {
        LoginResult l = login;
        return l == null ? null : l.userId();
    }

    /** The logged-in user's username: the login name, or the one the server published; null when unknown. */
    public String username() {
        String uid = userId();
        String published = uid == null ? null : publishedUsernames.get(uid);
        if (published != null) {
            return published;
        }
        String u = settings.key().username();
        return u != null && !u.contains("@") ? u : null;
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

    /** Health details without secrets. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rocketchat.server", settings.key().url());
        out.put("rocketchat.user", settings.key().describe());
        out.put("rocketchat.session.state", state.name().toLowerCase());
        DdpConnection d = ddp;
        if (d != null && d.sessionId() != null) {
            out.put("rocketchat.session.id", d.sessionId());
        }
        if (d != null) {
            out.put("rocketchat.session.badFrames", badFrameCount());
        }
        if (lastProblem != null && state != SessionState.READY) {
            out.put("rocketchat.session.problem", lastProblem);
        }
        transports.describe().forEach((op, route) -> out.put("rocketchat.transport." + op, route));
        return out;
    }

    /** The REST client of this session (tests, advanced use). */
    public RocketChatRestClient rest() {
        return rest;
    }

    private RestCredentials restCredentials() {
        LoginResult l = login;
        return l == null || l.token() == null ? null : new RestCredentials(l.userId(), l.token());
    }

    private synchronized DdpConnection connection() {
        if (ddp == null) {
            throw new IllegalStateException("Rocket.Chat session " + settings.key().describe() + " is not started");
        }
        return ddp;
    }

    @Override
    public String toString() {
        return "RocketChatSession[" + settings.key().describe() + ", " + state + "]";
    }
}
