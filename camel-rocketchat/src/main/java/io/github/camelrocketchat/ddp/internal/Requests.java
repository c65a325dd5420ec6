package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the user asked the server for: method calls ({@link PendingCalls}) and subscriptions
 * ({@link SubscriptionRegistry}). Sends them when a socket is ready, queues them otherwise, times calls out,
 * keeps or fails them when a socket is lost, and fails or ends all of them when the connection ends for good.
 * Connection thread only.
 *
 * <p>Every package-private method that may send takes {@code out}: the ready socket's send function, or null
 * when there is none.
 */
public final class Requests {
    private final Scheduler scheduler;
    private final Callbacks callbacks;
    private final PendingCalls calls = new PendingCalls();
    private final SubscriptionRegistry subscriptions;
    /** The ready socket's send function, or null while there is none. */
    private final Supplier<Consumer<String>> readyOut;
    /** True once the client closed. */
    private boolean closed;

    Requests(Scheduler scheduler, Callbacks callbacks, Supplier<Consumer<String>> readyOut) {
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.subscriptions = new SubscriptionRegistry(callbacks);
        this.readyOut = readyOut;
    }

    /** {@code call()}: sent now when a socket is ready, else queued until one is. */
    public void enqueueCall(PendingCalls.Call call) {
        if (closed) {
            callbacks.fail(call.future(), new DdpConnectionClosedException("The DDP client is closed; '"
                    + call.method() + "' (id " + call.id() + ") was not sent"));
        } else {
            call(call, readyOut.get());
        }
    }

    /** {@code subscribe()}: sent now when a socket is ready, else queued until one is. */
    public void enqueueSubscription(Subscription s) {
        subscribe(s, closed ? null : readyOut.get());
        if (closed) {
            failAll("the DDP client is closed", null);
        }
    }

    /** {@code stop()} of a subscription. */
    public void stopSubscription(Subscription s) {
        stop(s, readyOut.get());
    }

    /** The client closed: later requests fail at once. */
    void close() {
        closed = true;
    }

    PendingCalls calls() {
        return calls;
    }

    SubscriptionRegistry subscriptions() {
        return subscriptions;
    }

    void call(PendingCalls.Call call, Consumer<String> out) {
        calls.add(call);
        call.timer(scheduler.schedule(call.timeout(), () -> timedOut(call)));
        if (out != null) {
            out.accept(call.frame());
            call.markSent();
        }
    }

    private void timedOut(PendingCalls.Call call) {
        if (calls.expire(call) != null) {
            callbacks.fail(call.future(), new DdpTimeoutException("Method '" + call.method() + "' (id " + call.id()
                    + ") got no result within " + Durations.human(call.timeout())
                    + (call.sent() ? "" : call.everSent() ? "; it was waiting to be sent again after a lost connection"
                            : "; it was never sent because the client was not connected")));
        }
    }

    void subscribe(Subscription s, Consumer<String> out) {
        subscriptions.add(s);
        if (out != null) {
            out.accept(s.frame());
            subscriptions.sent(s);
        }
    }

    /**
     * The server's rate limiter refused subscription {@code id} ({@code too-many-requests}): it waits, queued, and is
     * sent again after {@code wait} on the socket ready then, or with the others when a new socket becomes ready,
     * whichever comes first. Its {@code ready} stays pending meanwhile: nothing fails for a limit that passes.
     *
     * @return false when the subscription is no longer waiting for an answer (then the refusal ends it as usual)
     */
    boolean retryLater(String id, java.time.Duration wait) {
        if (closed || !subscriptions.requeue(id)) {
            return false;
        }
        scheduler.schedule(wait, () -> {
            Subscription s = subscriptions.get(id);
            Consumer<String> out = readyOut.get();
            if (!closed && s != null && s.state == Subscription.State.QUEUED && out != null) {
                out.accept(s.frame());
                subscriptions.sent(s);
            }
        });
        return true;
    }

    void stop(Subscription s, Consumer<String> out) {
        if (subscriptions.stop(s) && out != null) {
            out.accept(DdpCodec.encode(new DdpMessage.Unsub(s.id())));
        }
    }

    /**
     * A socket just became ready: send the queued subscriptions, then the unsent calls, each in the order it was
     * asked for. Subscriptions first so that the streams are live again before replayed calls (a resent
     * {@code sendMessage}) produce events.
     */
    void flush(Consumer<String> out) {
        for (Subscription s : subscriptions.queued()) {
            out.accept(s.frame());
            subscriptions.sent(s);
        }
        for (PendingCalls.Call call : calls.unsent()) {
            if (call.kind() != PendingCalls.Kind.HANDSHAKE) {
                out.accept(call.frame());
                call.markSent();
            }
        }
    }

    /**
     * The socket was lost and a reconnect follows: sent calls that may not be repeated fail (retriable), the
     * rest and every subscription wait for the next ready socket.
     */
    void interrupt(String why, Throwable cause) {
        for (PendingCalls.Call call : calls.interrupt()) {
            callbacks.fail(call.future(), new DdpConnectionClosedException("Connection lost after '" + call.method()
                    + "' (id " + call.id() + ") was sent; it may or may not have run on the server and is not sent "
                    + "again: " + why, cause));
        }
        subscriptions.interrupt();
    }

    /** The connection ended (or the client closed): fail every call and end every subscription. */
    void failAll(String why, Throwable cause) {
        for (PendingCalls.Call call : calls.drainAll()) {
            callbacks.fail(call.future(), new DdpConnectionClosedException("Connection closed before the result of '"
                    + call.method() + "' (id " + call.id() + ") arrived: " + why, cause));
        }
        subscriptions.endAll(s -> new DdpConnectionClosedException("Connection closed; subscription '" + s.name()
                + "' (id " + s.id() + ") ended: " + why, cause));
    }
}
