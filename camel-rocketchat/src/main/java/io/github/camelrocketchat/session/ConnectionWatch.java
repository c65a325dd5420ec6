package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's state as its DDP connection lives: ready, suspended while it reconnects, restored, given up. Tells
 * the {@link SessionListener}s and logs each transition once (lost, reconnecting with its delay, restored after N
 * attempts, gave up); never a secret. The DDP callbacks arrive on the DDP callback thread, one at a time.
 */
final class ConnectionWatch implements DdpConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);

    private final String name;
    private final Clock clock;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by {@code this}; read through {@link #state()} anywhere. */
    private SessionState state = SessionState.NEW;
    private Instant since;
    /** Guarded by {@code this}. */
    private String lastProblem;
    private int attempt;
    private long reconnects;

    ConnectionWatch(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.since = clock.instant();
    }

    synchronized SessionState state() {
        return state;
    }

    synchronized String lastProblem() {
        return lastProblem;
    }

    synchronized SessionStatus status(DdpClient.Status ddp) {
        int a = ddp != null && ddp.state() == DdpClient.State.RECONNECTING ? ddp.attempt() : attempt;
        return new SessionStatus(state, state == SessionState.RECONNECTING ? Math.max(a, 1) : 0, reconnects, lastProblem, since);
    }

    SessionListener.Handle addListener(SessionListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    synchronized void starting() {
        move(SessionState.CONNECTING);
    }

    /** The first connect and login succeeded. */
    void ready(String sessionId, String userId) {
        synchronized (this) {
            if (state != SessionState.CONNECTING) {
                return;
            }
            move(SessionState.READY);
        }
        LOG.info("Rocket.Chat session {} ready: DDP session {}, user id {}", name, sessionId, userId);
    }

    synchronized void startFailed(Throwable e) {
        if (state == SessionState.CONNECTING) {
            move(SessionState.FAILED);
            lastProblem = String.valueOf(SessionErrors.unwrap(e).getMessage());
        }
    }

    /** Marks the session closed; returns the state it was in. */
    synchronized SessionState close() {
        SessionState before = state;
        move(SessionState.CLOSED);
        return before;
    }

    @Override
    public void onDisconnected(DdpDisconnect d) {
        synchronized (this) {
            if (d.requested() || state != SessionState.READY) {
                return;
            }
            move(d.willReconnect() ? SessionState.RECONNECTING : SessionState.FAILED);
            lastProblem = d.reason();
            attempt = 0;
        }
        LOG.warn("Rocket.Chat connection {} lost: {}{}", name, d.reason(), d.willReconnect() ? "; reconnecting" : "");
        if (d.willReconnect()) {
            listeners.forEach(l -> safely(() -> l.onSuspended(d.reason())));
        } else {
            SessionException e = new SessionException(SessionException.Kind.CONNECTION_CLOSED, "The Rocket.Chat connection "
                    + name + " was lost: " + d.reason(), "connection-closed", d.reason(), null, null, d.cause());
            listeners.forEach(l -> safely(() -> l.onGaveUp(e)));
        }
    }

    @Override
    public void onReconnecting(int n, Duration delay) {
        synchronized (this) {
            if (state != SessionState.RECONNECTING) {
                return;
            }
            attempt = n;
        }
        LOG.info("Rocket.Chat connection {}: reconnect attempt {} in {} ms", name, n, delay.toMillis());
    }

    @Override
    public void onConnected(String sessionId) {
        int attempts;
        synchronized (this) {
            if (state != SessionState.RECONNECTING) {
                return;
            }
            move(SessionState.READY);
            attempts = Math.max(attempt, 1);
            attempt = 0;
            reconnects++;
        }
        LOG.info("Rocket.Chat connection {} restored after {} attempt(s): DDP session {}", name, attempts, sessionId);
        listeners.forEach(l -> safely(() -> l.onRestored(attempts)));
    }

    @Override
    public void onGaveUp(DdpException error) {
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                return;
            }
            move(SessionState.FAILED);
            lastProblem = error.getMessage();
        }
        LOG.error("Rocket.Chat connection {}: gave up reconnecting: {}", name, error.getMessage());
        SessionException e = SessionErrors.of(error, null);
        listeners.forEach(l -> safely(() -> l.onGaveUp(e)));
    }

    private void move(SessionState next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A listener of Rocket.Chat session {} failed: {}", name, e.toString(), e);
        }
    }
}
