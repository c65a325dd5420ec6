package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live subscriptions by id, in subscribe order, and the rules for {@code ready} / {@code nosub} / {@code stop()}.
 * A reconnect can replay the entries. Connection thread only.
 */
public final class SubscriptionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRegistry.class);

    private final Map<String, Subscription> subs = new LinkedHashMap<>();
    private final Callbacks callbacks;

    public SubscriptionRegistry(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    public void add(Subscription s) {
        subs.put(s.id(), s);
    }

    /** Subscriptions waiting for a connected socket, in subscribe order. */
    public List<Subscription> queued() {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : subs.values()) {
            if (s.state == Subscription.State.QUEUED) {
                out.add(s);
            }
        }
        return out;
    }

    public void sent(Subscription s) {
        s.state = Subscription.State.SENT;
    }

    /**
     * The server refused a sent subscription for now (its rate limiter): it is queued again, to be sent on a later
     * turn or with the next socket. False when it is not a sent subscription (stopped meanwhile, or a stale answer).
     */
    public boolean requeue(String id) {
        Subscription s = subs.get(id);
        if (s == null || s.state != Subscription.State.SENT) {
            return false;
        }
        s.state = Subscription.State.QUEUED;
        return true;
    }

    /** The active subscription with this id, or null. */
    public Subscription get(String id) {
        return subs.get(id);
    }

    /**
     * A {@code ready} frame: each listed id becomes ready and its listener hears it (again after a resubscribe);
     * a repeat for a ready one (Meteor re-runs subscriptions on login) is harmless.
     */
    public void ready(List<String> ids) {
        for (String id : ids) {
            Subscription s = subs.get(id);
            if (s == null) {
                LOG.debug("ready for subscription {} that is not active (stopped already?)", id);
            } else if (s.state == Subscription.State.READY) {
                LOG.debug("repeated ready for subscription {} ({})", id, s.name());
            } else if (s.state == Subscription.State.QUEUED) {
                LOG.debug("ready for subscription {} ({}) that is not sent on this socket", id, s.name());
            } else {
                s.state = Subscription.State.READY;
                callbacks.complete(s.ready(), null);
                callbacks.deliver(() -> s.listener().onReady(s));
            }
        }
    }

    /** A {@code nosub}: ends the subscription, failing it when {@code error} is not null. */
    public void nosub(String id, DdpException error) {
        Subscription s = subs.get(id);
        if (s == null) {
            LOG.debug("nosub for subscription {} that is not active (normal after stop())", id);
            return;
        }
        if (s.state == Subscription.State.QUEUED) {
            LOG.debug("nosub for subscription {} ({}) that is not sent on this socket", id, s.name());
            return;
        }
        subs.remove(id);
        if (error != null) {
            end(s, error, error);
        } else {
            DdpException notReady = s.state == Subscription.State.READY ? null
                    : new DdpException("The server ended subscription '" + s.name() + "' (id " + id
                            + ") before it was ready");
            end(s, notReady, null);
        }
    }

    /** {@code stop()}: ends the subscription; true when an {@code unsub} must be sent. */
    public boolean stop(Subscription s) {
        if (subs.get(s.id()) != s) {
            return false;
        }
        subs.remove(s.id());
        boolean onServer = s.state == Subscription.State.SENT || s.state == Subscription.State.READY;
        DdpException notReady = s.state == Subscription.State.READY ? null
                : new DdpException("Subscription '" + s.name() + "' (id " + s.id() + ") was stopped before it was ready");
        end(s, notReady, null);
        return onServer;
    }

    /**
     * The socket is gone but a reconnect follows: every subscription waits to be sent again; the ready ones
     * are told they were interrupted.
     */
    public void interrupt() {
        for (Subscription s : subs.values()) {
            boolean wasReady = s.state == Subscription.State.READY;
            s.state = Subscription.State.QUEUED;
            if (wasReady) {
                callbacks.deliver(() -> s.listener().onInterrupted(s));
            }
        }
    }

    /** Ends every subscription with the error {@code why} makes for it (connection closed or lost). */
    public void endAll(Function<Subscription, DdpException> why) {
        List<Subscription> all = new ArrayList<>(subs.values());
        subs.clear();
        for (Subscription s : all) {
            DdpException e = why.apply(s);
            end(s, e, e);
        }
    }

    /** The name of an active subscription, or null. */
    public String nameOf(String id) {
        Subscription s = subs.get(id);
        return s == null ? null : s.name();
    }

    public int size() {
        return subs.size();
    }

    /**
     * @param readyError fails {@code ready()} when it has not completed yet (null: it already completed)
     * @param stopError  how {@code stopped()} completes and what the listener gets (null: a normal end)
     */
    private void end(Subscription s, DdpException readyError, DdpException stopError) {
        s.state = Subscription.State.ENDED;
        if (!s.ready().isDone()) {
            callbacks.fail(s.ready(), readyError != null ? readyError
                    : new DdpException("Subscription '" + s.name() + "' (id " + s.id() + ") ended before it was ready"));
        }
        if (stopError == null) {
            callbacks.complete(s.stopped(), null);
        } else {
            callbacks.fail(s.stopped(), stopError);
        }
        callbacks.deliver(() -> s.listener().onStopped(s, stopError));
    }
}
