package io.github.camelrocketchat.session;

import io.github.camelrocketchat.rest.RocketChatRestClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One producer operation, ready to go over either transport.
 *
 * @param method        the DDP method name
 * @param params        the DDP params
 * @param restEndpoint  the dedicated REST endpoint's name for logs ({@code chat.delete}), or null for {@code method.call}
 * @param rest          calls the dedicated REST endpoint and answers what the DDP method would have answered,
 *                      or null when the operation has no dedicated endpoint
 * @param restPreferred true when the call uses features the DDP method lost in newer servers (e.g. {@code alias}
 *                      on {@code sendMessage}, rejected since 7.1)
 */
public record RocketChatCall(String method, List<Object> params, String restEndpoint,
                             Function<RocketChatRestClient, CompletableFuture<Object>> rest, boolean restPreferred) {

    /** A plain DDP method call (over REST it becomes {@code method.call/<method>}). */
    public static RocketChatCall ddp(String method, List<Object> params) {
        return new RocketChatCall(method, params, null, null, false);
    }

    @Override
    public String toString() {
        return "RocketChatCall[method=" + method + ", params=" + params.size() + ", restEndpoint=" + restEndpoint + "]";
    }
}
