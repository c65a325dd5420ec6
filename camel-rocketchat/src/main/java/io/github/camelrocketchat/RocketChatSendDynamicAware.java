package io.github.camelrocketchat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.SendDynamicAware;
import org.apache.camel.spi.annotations.SendDynamic;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.URISupport;

/**
 * Lets {@code toD("rocketchat:sendMessage?roomName=${header.room}")} use one endpoint and one producer for every room:
 * the per-message options that have a header (room, thread, display overrides) leave the URI and travel as headers for
 * that one send. A header the exchange already carries wins, exactly as it would over the endpoint's option, and the
 * headers are put back as they were after the send.
 */
@SendDynamic("rocketchat")
public class RocketChatSendDynamicAware extends ServiceSupport implements SendDynamicAware {
    /** URI option to header, in the order the producer reads them. */
    private static final Map<String, String> PER_MESSAGE = new LinkedHashMap<>();

    static {
        PER_MESSAGE.put("roomId", RocketChatConstants.ROOM_ID);
        PER_MESSAGE.put("roomName", RocketChatConstants.ROOM_NAME);
        PER_MESSAGE.put("threadId", RocketChatConstants.THREAD_ID);
        PER_MESSAGE.put("alias", RocketChatConstants.ALIAS);
        PER_MESSAGE.put("emoji", RocketChatConstants.EMOJI);
        PER_MESSAGE.put("avatar", RocketChatConstants.AVATAR);
    }

    private static final List<String> ROOM_HEADERS = List.of(RocketChatConstants.ROOM_ID, RocketChatConstants.ROOM_NAME);

    private CamelContext camelContext;
    private String scheme;

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public DynamicAwareEntry prepare(Exchange exchange, String uri, String originalUri) throws Exception {
        Map<String, Object> all = URISupport.parseQuery(URISupport.extractQuery(uri), false, true);
        Map<String, Object> perMessage = new LinkedHashMap<>();
        for (String option : PER_MESSAGE.keySet()) {
            Object v = all.get(option);
            if (v != null) {
                perMessage.put(option, v);
            }
        }
        return new DynamicAwareEntry(uri, originalUri, all, perMessage);
    }

    @Override
    public String resolveStaticUri(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        if (entry.getLenientProperties().isEmpty()) {
            return null;
        }
        Map<String, Object> rest = new LinkedHashMap<>(entry.getProperties());
        PER_MESSAGE.keySet().forEach(rest::remove);
        String base = URISupport.stripQuery(entry.getUri());
        return rest.isEmpty() ? base : base + "?" + URISupport.createQueryString(rest);
    }

    @Override
    public Processor createPreProcessor(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        Map<String, Object> perMessage = entry.getLenientProperties();
        if (perMessage.isEmpty()) {
            return null;
        }
        return ex -> {
            Map<String, Object> set = new LinkedHashMap<>();
            boolean roomGiven = ROOM_HEADERS.stream().anyMatch(h -> ex.getMessage().getHeader(h) != null);
            perMessage.forEach((option, value) -> {
                String header = PER_MESSAGE.get(option);
                boolean isRoom = ROOM_HEADERS.contains(header);
                if (ex.getMessage().getHeader(header) == null && !(isRoom && roomGiven)) {
                    set.put(header, null);
                    ex.getMessage().setHeader(header, value);
                }
            });
            ex.setProperty(PROPERTY, set);
        };
    }

    @Override
    public Processor createPostProcessor(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        if (entry.getLenientProperties().isEmpty()) {
            return null;
        }
        return ex -> {
            Object set = ex.removeProperty(PROPERTY);
            if (set instanceof Map<?, ?> headers) {
                headers.keySet().forEach(h -> ex.getMessage().removeHeader((String) h));
            }
        };
    }

    /** The headers the pre-processor set for this send, removed again by the post-processor. */
    private static final String PROPERTY = "CamelRocketChatDynamicHeaders";
}
