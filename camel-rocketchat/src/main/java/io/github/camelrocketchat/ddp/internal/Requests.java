package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;
import java.util.function.Consumer;

/**
 * What the user asked the server for: method calls ({@link PendingCalls}) and subscriptions
 * ({@link SubscriptionRegistry}). Sends them when a socket is connected, queues them otherwise, times calls out,
 * and fails or ends all of them when a connection ends. Connection thread only.
 *
 * <p>Every method that may send takes {@code out}: the connected socket's send function, or null when no
 * socket is connected.
 */
final class Requests {
    private final Scheduler scheduler;
    private final Callbacks callbacks;
    private final PendingCalls calls = new PendingCalls();
    private final SubscriptionRegistry subscriptions;

    Requests(Scheduler scheduler, Callbacks callbacks) {
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.subscriptions = new SubscriptionRegistry(callbacks);
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
                    + (call.sent() ? "" : "; it was never sent because the client was not connected")));
        }
    }

    void subscribe(Subscription s, Consumer<String> out) {
        subscriptions.add(s);
        if (out != null) {
            out.accept(s.frame());
            subscriptions.sent(s);
        }
    }

    void stop(Subscription s, Consumer<String> out) {
        if (subscriptions.stop(s) && out != null) {
            out.accept(DdpCodec.encode(new DdpMessage.Unsub(s.id())));
        }
    }

    /** A socket just connected: send what was queued, in the order it was asked for. */
    void flush(Consumer<String> out) {
        for (PendingCalls.Call call : calls.unsent()) {
            out.accept(call.frame());
            call.markSent();
        }
        for (Subscription s : subscriptions.queued()) {
            out.accept(s.frame());
            subscriptions.sent(s);
        }
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
