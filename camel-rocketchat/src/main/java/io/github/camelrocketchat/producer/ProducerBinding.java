package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.support.EndpointNames;
import io.github.camelrocketchat.support.OptionLists;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Reads a producer exchange into a {@link ProducerInput}: the endpoint's method and options, overridden by the
 * exchange's headers (through the header filter). Thread-safe.
 */
final class ProducerBinding {
    private final RocketChatConfiguration configuration;
    private final HeaderFilterStrategy filter;

    ProducerBinding(RocketChatConfiguration configuration, HeaderFilterStrategy filter) {
        this.configuration = configuration;
        this.filter = filter;
    }


    /** What the exchange asks for: the endpoint's method and options, overridden by the exchange's headers. */
    ProducerInput readInput(Exchange exchange, String endpointMethod) {
        RocketChatConfiguration c = configuration;
        String roomId = in(exchange, RocketChatConstants.ROOM_ID, String.class);
        // a room id wins over a name (a consumer upstream may have set both)
        String roomName = roomId != null ? null : in(exchange, RocketChatConstants.ROOM_NAME, String.class);
        if (roomId == null && roomName == null) {
            roomId = c.getRoomId();
            roomName = c.getRoomName();
        }
        Integer limit = in(exchange, RocketChatConstants.LIMIT, Integer.class);
        Boolean readOnly = in(exchange, RocketChatConstants.READ_ONLY, Boolean.class);
        String method = or(in(exchange, RocketChatConstants.METHOD, String.class), endpointMethod);
        EndpointNames.checkSessionMethod(method, c.isAllowSessionMethods());
        return new ProducerInput(
                method,
                exchange.getMessage().getBody(), roomId, roomName,
                or(in(exchange, RocketChatConstants.THREAD_ID, String.class), c.getThreadId()),
                in(exchange, RocketChatConstants.MESSAGE_ID, String.class),
                or(in(exchange, RocketChatConstants.ALIAS, String.class), c.getAlias()),
                or(in(exchange, RocketChatConstants.EMOJI, String.class), c.getEmoji()),
                or(in(exchange, RocketChatConstants.AVATAR, String.class), c.getAvatar()),
                members(exchange),
                readOnly != null ? readOnly : c.isReadOnly(),
                limit != null ? limit : c.getLimit(),
                or(in(exchange, RocketChatConstants.EVENT_NAME, String.class), c.getEventName()),
                c.getEvent(),
                in(exchange, RocketChatConstants.STATUS_TEXT, String.class),
                in(exchange, RocketChatConstants.SHOULD_REACT, Boolean.class));
    }

    private List<String> members(Exchange exchange) {
        Object h = exchange.getMessage().getHeader(RocketChatConstants.MEMBERS);
        if (h != null && !filtered(exchange, RocketChatConstants.MEMBERS, h)) {
            if (h instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                l.forEach(o -> out.add(String.valueOf(o)));
                return List.copyOf(out);
            }
            return OptionLists.split(String.valueOf(h));
        }
        return OptionLists.split(configuration.getMembers());
    }


    private <T> T in(Exchange exchange, String name, Class<T> type) {
        Object raw = exchange.getMessage().getHeader(name);
        if (raw == null || filtered(exchange, name, raw)) {
            return null;
        }
        return exchange.getMessage().getHeader(name, type);
    }

    private boolean filtered(Exchange exchange, String name, Object value) {
        return filter != null && filter.applyFilterToCamelHeaders(name, value, exchange);
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }
}
