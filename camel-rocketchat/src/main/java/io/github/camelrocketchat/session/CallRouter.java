package io.github.camelrocketchat.session;

import io.github.camelrocketchat.rest.RocketChatRestClient;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Hands a call to DDP or REST as the {@link SessionTransportSelector} decides, falling back to REST when the server
 * says the DDP method is gone. A DDP call is handed over once its frame is queued on the connection; a REST call only
 * once it is answered, because concurrent HTTP requests may reach the server in any order.
 */
final class CallRouter implements OutboundCalls.Sender {
    private final Supplier<DdpConnection> ddp;
    private final RocketChatRestClient rest;
    private final SessionTransportSelector transports;

    CallRouter(Supplier<DdpConnection> ddp, RocketChatRestClient rest, SessionTransportSelector transports) {
        this.ddp = ddp;
        this.rest = rest;
        this.transports = transports;
    }

    @Override
    public OutboundCalls.Sent send(RocketChatCall call, CallPolicy policy) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        CompletableFuture<Void> handedOver = transports.choose(call, policy.mode()).thenCompose(route -> {
            if (route == SessionTransportSelector.Route.REST) {
                CompletableFuture<Object> r = viaRest(call);
                relay(r, result);
                return r.handle((v, e) -> null);
            }
            relay(viaDdp(call, policy), result);
            return CompletableFuture.<Void>completedFuture(null);
        });
        handedOver.whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            }
        });
        return new OutboundCalls.Sent(handedOver, SessionErrors.translate(result, call.method()));
    }

    private CompletableFuture<Object> viaDdp(RocketChatCall call, CallPolicy policy) {
        DdpConnection d = ddp.get();
        CompletableFuture<Object> sent = policy.resendable()
                ? d.callResendable(call.method(), call.params(), policy.timeout())
                : d.call(call.method(), call.params(), policy.timeout());
        return sent.handle((result, err) -> {
            if (err == null) {
                return CompletableFuture.completedFuture(result);
            }
            return transports.fallBackAfter(call, policy.mode(), err) ? viaRest(call) : CompletableFuture.<Object>failedFuture(err);
        }).thenCompose(f -> f);
    }

    CompletableFuture<Object> viaRest(RocketChatCall call) {
        return call.rest() != null ? call.rest().apply(rest) : rest.methodCall(call.method(), call.params());
    }

    private static void relay(CompletableFuture<Object> from, CompletableFuture<Object> to) {
        from.whenComplete((v, e) -> {
            if (e != null) {
                to.completeExceptionally(e);
            } else {
                to.complete(v);
            }
        });
    }
}
