package io.github.camelrocketchat.ddp;

import io.github.camelrocketchat.ddp.transport.TransportFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of one {@link DdpClient}. Build with {@link #builder(String)}.
 *
 * <p>The URL may be {@code ws(s)://host[/prefix]/websocket} (used as is) or {@code http(s)://host[/prefix]},
 * which becomes {@code ws(s)://host[/prefix]/websocket}.
 */
public final class DdpClientOptions {
    private final URI url;
    private final Duration connectTimeout;
    private final Duration pingInterval;
    private final Duration pingTimeout;
    private final Duration methodTimeout;
    private final int maxFrameSize;
    private final SSLContext sslContext;
    private final Scheduler scheduler;
    private final Executor callbackExecutor;
    private final TransportFactory transportFactory;
    private final RandomGenerator random;
    private final String name;
    private final ReconnectPolicy reconnect;
    private final Handshake handshake;
    private final Duration handshakeTimeout;
    private final boolean retryRateLimitedSubscriptions;

    private DdpClientOptions(Builder b) {
        this.url = WebSocketUrls.toWebSocketUri(b.url);
        this.connectTimeout = b.connectTimeout;
        this.pingInterval = b.pingInterval;
        this.pingTimeout = b.pingTimeout;
        this.methodTimeout = b.methodTimeout;
        this.maxFrameSize = b.maxFrameSize;
        this.sslContext = b.sslContext;
        this.scheduler = b.scheduler;
        this.callbackExecutor = b.callbackExecutor;
        this.transportFactory = b.transportFactory;
        this.random = b.random;
        this.name = b.name;
        this.reconnect = b.reconnect;
        this.handshake = b.handshake;
        this.handshakeTimeout = b.handshakeTimeout;
        this.retryRateLimitedSubscriptions = b.retryRateLimitedSubscriptions;
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** The WebSocket URI actually dialled. */
    public URI url() {
        return url;
    }

    /** Deadline for opening the WebSocket and completing the DDP handshake together. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Send our own ping when nothing arrived for this long. */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** After our ping, the connection is lost when nothing at all arrives for this long. */
    public Duration pingTimeout() {
        return pingTimeout;
    }

    /** Default per-call timeout. */
    public Duration methodTimeout() {
        return methodTimeout;
    }

    /** Largest inbound message in bytes (UTF-8); a larger one closes the connection with 1009. */
    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Null means the JVM default. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Null means: the client makes (and closes) its own connection thread. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Null means: the client makes (and closes) its own callback thread. */
    public Executor callbackExecutor() {
        return callbackExecutor;
    }

    /** Null means: the shared Tyrus factory. */
    public TransportFactory transportFactory() {
        return transportFactory;
    }

    /** Randomness (ids of subscriptions, backoff jitter). */
    public RandomGenerator random() {
        return random;
    }

    /** A short name for thread names and logs. */
    public String name() {
        return name;
    }

    /** When to re-open a lost connection; {@link ReconnectPolicy#NONE} (the default) never does. */
    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /** Runs on every new socket before the client is ready; null (the default): ready at {@code connected}. */
    public Handshake handshake() {
        return handshake;
    }

    /** Deadline for the {@link #handshake()} future, counted from {@code connected}. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * True: a subscription the server's rate limiter refuses ({@code nosub} with {@code too-many-requests}) is sent
     * again after the server's {@code timeToReset} and its {@code ready} stays pending; false (the default): the
     * refusal fails it, as any other.
     */
    public boolean retryRateLimitedSubscriptions() {
        return retryRateLimitedSubscriptions;
    }

    @Override
    public String toString() {
        return "DdpClientOptions[url=" + url + ", connectTimeout=" + connectTimeout + ", pingInterval=" + pingInterval
                + ", pingTimeout=" + pingTimeout + ", methodTimeout=" + methodTimeout + ", maxFrameSize=" + maxFrameSize
                + ", reconnect=" + reconnect + ", handshake=" + (handshake != null) + "]";
    }

    public static final class Builder {
        private final String url;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(25);
        private Duration pingTimeout = Duration.ofSeconds(10);
        private Duration methodTimeout = Duration.ofSeconds(30);
        private int maxFrameSize = 64 * 1024 * 1024;
        private SSLContext sslContext;
        private Scheduler scheduler;
        private Executor callbackExecutor;
        private TransportFactory transportFactory;
        private RandomGenerator random = RandomGenerator.getDefault();
        private String name = "ddp";
        private ReconnectPolicy reconnect = ReconnectPolicy.NONE;
        private Handshake handshake;
        private Duration handshakeTimeout = Duration.ofSeconds(60);
        private boolean retryRateLimitedSubscriptions;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        public Builder connectTimeout(Duration v) {
            this.connectTimeout = positive(v, "connectTimeout");
            return this;
        }

        public Builder pingInterval(Duration v) {
            this.pingInterval = positive(v, "pingInterval");
            return this;
        }

        public Builder pingTimeout(Duration v) {
            this.pingTimeout = positive(v, "pingTimeout");
            return this;
        }

        public Builder methodTimeout(Duration v) {
            this.methodTimeout = positive(v, "methodTimeout");
            return this;
        }

        public Builder maxFrameSize(int v) {
            if (v < 1024) {
                throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes, was " + v);
            }
            this.maxFrameSize = v;
            return this;
        }

        public Builder sslContext(SSLContext v) {
            this.sslContext = v;
            return this;
        }

        public Builder scheduler(Scheduler v) {
            this.scheduler = v;
            return this;
        }

        public Builder callbackExecutor(Executor v) {
            this.callbackExecutor = v;
            return this;
        }

        public Builder transportFactory(TransportFactory v) {
            this.transportFactory = v;
            return this;
        }

        public Builder random(RandomGenerator v) {
            this.random = Objects.requireNonNull(v, "random");
            return this;
        }

        public Builder name(String v) {
            this.name = Objects.requireNonNull(v, "name");
            return this;
        }

        /** Default {@link ReconnectPolicy#NONE}; {@link ReconnectPolicy#defaults()} is a good start. */
        public Builder reconnect(ReconnectPolicy v) {
            this.reconnect = Objects.requireNonNull(v, "reconnect");
            return this;
        }

        /** Null for none (the default). */
        public Builder handshake(Handshake v) {
            this.handshake = v;
            return this;
        }

        /** Default 60 s: a login plus its two-factor retry at the default method timeout. */
        public Builder handshakeTimeout(Duration v) {
            this.handshakeTimeout = positive(v, "handshakeTimeout");
            return this;
        }

        /** Default false; see {@link DdpClientOptions#retryRateLimitedSubscriptions()}. */
        public Builder retryRateLimitedSubscriptions(boolean v) {
            this.retryRateLimitedSubscriptions = v;
            return this;
        }

        public DdpClientOptions build() {
            return new DdpClientOptions(this);
        }

        private static Duration positive(Duration v, String what) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(what + " must be a positive duration, was " + v);
            }
            return v;
        }
    }
}
