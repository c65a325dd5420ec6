package io.github.camelrocketchat.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The client-chosen {@code _id} of a {@code sendMessage}, kept on the exchange until the send succeeds, so that a
 * Camel redelivery of the same exchange sends the same id and the server keeps one message. Keyed by exchange id and
 * endpoint: copies of an exchange (split, multicast) share the property map but not its entries, and two different
 * send endpoints in one route each get their own id.
 */
final class SendIds {
    /** The exchange property holding the pending ids. */
    static final String PROPERTY = "CamelRocketChatPendingSendIds";

    private SendIds() {
    }

    /** The id for this exchange's send through {@code endpointKey}: the one of an earlier failed attempt, or a new one. */
    static String forSend(Exchange exchange, String endpointKey) {
        return pending(exchange).computeIfAbsent(key(exchange, endpointKey), k -> MessageIds.newId());
    }

    /** The send went through: a later send of the same exchange through the same endpoint is a new message. */
    static void sent(Exchange exchange, String endpointKey) {
        Object p = exchange.getProperty(PROPERTY);
        if (p instanceof Map<?, ?> map) {
            map.remove(key(exchange, endpointKey));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pending(Exchange exchange) {
        synchronized (exchange) {
            Object p = exchange.getProperty(PROPERTY);
            if (p instanceof ConcurrentHashMap<?, ?> map) {
                return (Map<String, String>) map;
            }
            Map<String, String> fresh = new ConcurrentHashMap<>();
            exchange.setProperty(PROPERTY, fresh);
            return fresh;
        }
    }

    private static String key(Exchange exchange, String endpointKey) {
        return exchange.getExchangeId() + " " + endpointKey;
    }
}
