package io.github.camelrocketchat.testserver;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * Everything the server thread works with, wired once. Package-private glue between the facade, the
 * protocol, the methods and the REST servlet. All fields are touched on the server thread only, except the
 * immutable ones and the ones documented otherwise.
 */
final class ServerCore {

    final Dialect dialect;
    final Clock clock;
    final ServerLoop loop;
    final DataStore store;
    final ServerSettings settings;
    final Ids ids;
    final FrameRecorder recorder;
    final RateLimiter limiter;
    final RestRateLimiter restLimiter;
    final Heartbeat heartbeat;
    final StreamHub hub;
    final Events events;
    final Chat chat;
    final Rooms rooms;
    final Accounts accounts;
    final Publications publications;
    final MethodRegistry methods;
    final DdpProtocol protocol;
    /** Open connections in connect order. */
    final List<DdpConnection> connections = new ArrayList<>();
    /** Connections accepted since start (survives restarts). */
    int totalConnections;
    /** Method name -> artificial delay before it runs (fault injection). */
    final Map<String, Duration> methodDelays = new HashMap<>();
    /** Delayed calls not answered yet, in arrival order: the timer and what answers the call. */
    final Map<ScheduledFuture<?>, Runnable> delayedCalls = new LinkedHashMap<>();
    /** Fault: where a method's {@code updated}/{@code result} go among the stream events it caused. */
    ReplyOrder replyOrder = ReplyOrder.DEFAULT;
    /** Fault: every stream {@code changed} frame goes out twice. */
    boolean duplicateStreamEvents;

    ServerCore(RocketChatTestServerBuilder b, ServerLoop loop) {
        this.dialect = b.dialect;
        this.clock = b.clock;
        this.loop = loop;
        this.store = new DataStore();
        this.settings = b.settings;
        this.ids = b.ids;
        this.recorder = new FrameRecorder(clock, b.recordFrames);
        this.limiter = new RateLimiter(clock, b.rateLimits, b.rateLimiterEnabled, store.permissions, store);
        this.restLimiter = new RestRateLimiter(clock, b.restRateLimitCalls, b.restRateLimitWindowMs, b.restRateLimiterEnabled);
        Duration interval = b.heartbeatInterval != null ? b.heartbeatInterval
                : Duration.ofSeconds(dialect.streamer() ? 30 : 15);
        Duration timeout = b.heartbeatTimeout != null ? b.heartbeatTimeout
                : Duration.ofSeconds(dialect.streamer() ? 30 : 15);
        this.heartbeat = new Heartbeat(loop, dialect, interval, timeout);
        this.hub = new StreamHub(this);
        this.events = new Events(this);
        this.chat = new Chat(this);
        this.rooms = new Rooms(this);
        this.accounts = new Accounts(this);
        this.publications = new Publications(this);
        this.methods = new MethodRegistry(this);
        this.protocol = new DdpProtocol(this);
    }

    long now() {
        return clock.millis();
    }

    UserRecord user(String id) {
        return id == null ? null : store.users.get(id);
    }
}
