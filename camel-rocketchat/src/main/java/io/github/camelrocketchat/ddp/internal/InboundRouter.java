package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.protocol.BadFrameException;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import io.github.camelrocketchat.ddp.protocol.DdpMessage.*;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each decoded inbound message where it belongs: results to {@link PendingCalls}, ready/nosub to
 * {@link SubscriptionRegistry}, data to {@link ListenerRegistry}, handshake and ping back to the engine.
 * Connection thread only.
 */
final class InboundRouter {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRouter.class);

    private final ConnectionEngine engine;
    private final PendingCalls calls;
    private final SubscriptionRegistry subscriptions;
    private final ListenerRegistry listeners;
    private final Callbacks callbacks;
    private final BadFrames badFrames;

    InboundRouter(ConnectionEngine engine, PendingCalls calls, SubscriptionRegistry subscriptions,
                  ListenerRegistry listeners, Callbacks callbacks, BadFrames badFrames) {
        this.engine = engine;
        this.calls = calls;
        this.subscriptions = subscriptions;
        this.listeners = listeners;
        this.callbacks = callbacks;
        this.badFrames = badFrames;
    }

    /** Routes one decoded text frame; a bad frame is counted (and fails the call it answers, if any). */
    void frame(Connection c, InboundFrame frame) {
        DdpMessage m = frame.message();
        if (m == null) {
            BadFrameException e = frame.error();
            badFrames.record(e.kind(), e.getMessage());
            PendingCalls.Call call = "result".equals(e.msg()) && e.id() != null ? calls.resolve(e.id()) : null;
            if (call != null) {
                callbacks.fail(call.future(), new DdpException("Malformed result for '" + call.method() + "' (id "
                        + call.id() + "): " + e.getMessage()));
            }
            return;
        }
        route(c, m);
    }

    /** Most frequent types first: this runs for every frame. */
    private void route(Connection c, DdpMessage m) {
        if (m instanceof Changed x) {
            listeners.changed(x);
        } else if (m instanceof Result x) {
            result(x);
        } else if (m instanceof Updated) {
            // calls resolve on 'result' only; 'updated' may come before or after it
        } else if (m instanceof Added x) {
            listeners.added(x);
        } else if (m instanceof Removed x) {
            listeners.removed(x);
        } else if (m instanceof Ping x) {
            engine.pong(c, x.id());
        } else if (m instanceof Pong) {
            // only life, which the heartbeat already saw
        } else if (m instanceof Ready x) {
            subscriptions.ready(x.subs());
        } else if (m instanceof Nosub x) {
            nosub(x);
        } else if (m instanceof Connected x) {
            engine.connected(c, x.session());
        } else if (m instanceof Failed x) {
            engine.failed(c, x.version());
        } else if (m instanceof AddedBefore x) {
            listeners.addedBefore(x);
        } else if (m instanceof MovedBefore x) {
            listeners.movedBefore(x);
        } else if (m instanceof ConnectionError x) {
            connectionError(x);
        } else if (m instanceof Unknown x) {
            badFrames.ignored(x.msg());
        } else {
            // connect, method, sub, unsub: client-to-server messages have no meaning here
            badFrames.ignored(m.getClass().getSimpleName());
        }
    }

    /**
     * A {@code nosub}: the end of a subscription, or its refusal. A refusal by the rate limiter
     * ({@code too-many-requests}, which Rocket.Chat applies to subscriptions too: by default 40 per stream name per 40 s
     * on one connection) is not final when the client was built to retry: the subscription is sent again once the
     * server's {@code timeToReset} passed.
     */
    private void nosub(Nosub x) {
        DdpMethodException error = x.error() == null ? null : Errors.toException(x.error(), subscriptions.nameOf(x.id()), x.id());
        java.time.Duration wait = error == null ? null : RateLimitWaits.of(error);
        if (wait != null && engine.retrySubscriptionLater(x.id(), wait)) {
            LOG.debug("{}: subscription {} ({}) refused by the rate limiter; sent again in {} ms", engine.name(), x.id(),
                    subscriptions.nameOf(x.id()), wait.toMillis());
            return;
        }
        subscriptions.nosub(x.id(), error);
    }

    private void result(Result r) {
        PendingCalls.Call call = calls.resolve(r.id());
        if (call == null) {
            if (calls.expired(r.id())) {
                LOG.debug("{}: late result for call {} that already timed out", engine.name(), r.id());
            } else {
                badFrames.record(BadFrameKind.UNKNOWN_ID, "a 'result' for unknown method call id '" + r.id() + "'");
            }
        } else if (r.error() != null) {
            callbacks.fail(call.future(), Errors.toException(r.error(), call.method(), call.id()));
        } else {
            callbacks.complete(call.future(), r.result());
        }
    }

    /**
     * A connection-level {@code error}. When it names one of our method or sub frames, that call or subscription
     * fails with the reason; otherwise it is logged (never the offending frame: it may carry credentials).
     */
    private void connectionError(ConnectionError e) {
        Map<String, Object> off = e.offendingMessage();
        String offMsg = off != null && off.get("msg") instanceof String s ? s : null;
        String offId = off != null && off.get("id") instanceof String s ? s : null;
        String reason = e.reason() == null ? "no reason given" : e.reason();
        if ("method".equals(offMsg) && offId != null) {
            PendingCalls.Call call = calls.resolve(offId);
            if (call != null) {
                callbacks.fail(call.future(), new DdpException("The server rejected '" + call.method() + "' (id "
                        + offId + "): " + reason));
                return;
            }
        } else if ("sub".equals(offMsg) && offId != null && subscriptions.nameOf(offId) != null) {
            subscriptions.nosub(offId, new DdpException("The server rejected subscription '"
                    + subscriptions.nameOf(offId) + "' (id " + offId + "): " + reason));
            return;
        }
        LOG.warn("{}: the server reported a DDP error: {}{}", engine.name(), reason,
                offMsg == null ? "" : " (about a '" + offMsg + "' message)");
    }
}
