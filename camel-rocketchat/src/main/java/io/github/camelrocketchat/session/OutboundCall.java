package io.github.camelrocketchat.session;

import java.util.concurrent.CompletableFuture;

/** One call admitted to a session's outbound queue. Mutable fields are guarded by {@link OutboundCalls}. */
final class OutboundCall {
    final long seq;
    final RocketChatCall call;
    final CallPolicy policy;
    final CompletableFuture<Object> future = new CompletableFuture<>();
    /** Milliseconds this call waited after refusals it got while it was the only call in flight. */
    long rateWaited;
    /** True when it was sent as the lane's only call in flight (its refusal is its own, not a burst's). */
    boolean sentAlone;

    OutboundCall(long seq, RocketChatCall call, CallPolicy policy) {
        this.seq = seq;
        this.call = call;
        this.policy = policy;
    }
}
