package io.github.camelrocketchat;

import io.github.camelrocketchat.consumer.ConsumerStatus;
import io.github.camelrocketchat.consumer.RocketChatConsumer;
import io.github.camelrocketchat.session.OutboundStatus;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.SessionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code rocketchat} dev console: per shared session its server, user (never a secret), state, reconnects, the
 * server version and the transport chosen per operation, the outbound queue; per consumer its subscription, last event,
 * high-water mark, queue depth and the replayed, shed and deferred counts.
 */
@DevConsole(name = "rocketchat", displayName = "Rocket.Chat", description = "Rocket.Chat sessions, subscriptions and consumers")
public class RocketChatDevConsole extends AbstractDevConsole {

    public RocketChatDevConsole() {
        super("camel", "rocketchat", "Rocket.Chat", "Rocket.Chat sessions, subscriptions and consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        List<RocketChatSession> sessions = sessions();
        sb.append("Rocket.Chat sessions: ").append(sessions.size()).append('\n');
        for (RocketChatSession s : sessions) {
            SessionStatus st = s.status();
            OutboundStatus out = s.outboundStatus();
            sb.append("\nSession ").append(s.key().describe()).append(" (").append(s.key().url()).append(", Rocket.Chat ")
                    .append(orDash(s.serverVersion())).append(")\n");
            sb.append("    State: ").append(st.state().name().toLowerCase()).append(", reconnects: ").append(st.reconnects())
                    .append(", reconnect attempt: ").append(st.reconnectAttempt()).append(", last problem: ")
                    .append(orDash(st.lastProblem())).append('\n');
            sb.append("    Outbound: waiting ").append(out.waiting()).append(", rate-limit waits ").append(out.rateLimitRefusals())
                    .append(", rejected ").append(out.rejected()).append('\n');
            transports(s).forEach((op, route) -> sb.append("    Transport: ").append(op).append(" over ").append(route).append('\n'));
            for (RocketChatConsumer c : consumers(s)) {
                ConsumerStatus cs = c.status();
                sb.append("    Consumer ").append(c.routeId()).append(": ").append(target(c)).append(" [")
                        .append(c.subscriptionState()).append("] last event ").append(orDash(cs.lastEventAt()))
                        .append(", high-water mark ").append(orDash(cs.highWaterMark())).append(", queued ").append(cs.queued())
                        .append(" (peak ").append(cs.peakQueued()).append("), replayed ").append(cs.replayed())
                        .append(", shed ").append(cs.dropped()).append(", deferred ").append(cs.deferred()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray list = new JsonArray();
        for (RocketChatSession s : sessions()) {
            SessionStatus st = s.status();
            OutboundStatus out = s.outboundStatus();
            JsonObject jo = new JsonObject();
            jo.put("server", s.key().url());
            jo.put("user", s.key().describe());
            jo.put("serverVersion", s.serverVersion());
            jo.put("state", st.state().name().toLowerCase());
            jo.put("reconnects", st.reconnects());
            jo.put("reconnectAttempt", st.reconnectAttempt());
            jo.put("lastProblem", st.lastProblem());
            jo.put("transports", new JsonObject(new java.util.LinkedHashMap<>(transports(s))));
            JsonObject outbound = new JsonObject();
            outbound.put("waiting", out.waiting());
            outbound.put("rateLimitWaits", out.rateLimitRefusals());
            outbound.put("rejected", out.rejected());
            jo.put("outbound", outbound);
            JsonArray consumers = new JsonArray();
            for (RocketChatConsumer c : consumers(s)) {
                ConsumerStatus cs = c.status();
                JsonObject co = new JsonObject();
                co.put("routeId", c.routeId());
                co.put("target", target(c));
                co.put("subscription", c.subscriptionState());
                co.put("lastEventAt", cs.lastEventAt() == null ? null : cs.lastEventAt().toString());
                co.put("highWaterMark", cs.highWaterMark() == null ? null : cs.highWaterMark().toString());
                co.put("queued", cs.queued());
                co.put("peakQueued", cs.peakQueued());
                co.put("replayed", cs.replayed());
                co.put("shed", cs.dropped());
                co.put("deferred", cs.deferred());
                co.put("gapFills", cs.gapFills());
                consumers.add(co);
            }
            jo.put("consumers", consumers);
            list.add(jo);
        }
        root.put("sessions", list);
        return root;
    }

    /** The sessions of every Rocket.Chat component of the context, whatever name it was registered under. */
    private List<RocketChatSession> sessions() {
        List<RocketChatSession> out = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof RocketChatComponent rc) {
                out.addAll(rc.getSessionRegistry().sessions());
            }
        }
        return out;
    }

    private List<RocketChatConsumer> consumers(RocketChatSession session) {
        List<RocketChatConsumer> out = new ArrayList<>();
        for (Route r : getCamelContext().getRoutes()) {
            if (r.getConsumer() instanceof RocketChatConsumer c && c.session() == session) {
                out.add(c);
            }
        }
        return out;
    }

    /** The operations whose transport was chosen, from the session's health details. */
    private static Map<String, String> transports(RocketChatSession s) {
        Map<String, String> out = new java.util.TreeMap<>();
        s.describe().forEach((k, v) -> {
            if (k.startsWith("rocketchat.transport.")) {
                out.put(k.substring("rocketchat.transport.".length()), String.valueOf(v));
            }
        });
        return out;
    }

    /** What the consumer listens to: the stream, its room and event; never a credential. */
    private static String target(RocketChatConsumer c) {
        RocketChatConfiguration conf = c.getEndpoint().getConfiguration();
        StringBuilder sb = new StringBuilder(c.getEndpoint().getName());
        String room = conf.getRoomId() != null ? conf.getRoomId() : conf.getRoomName();
        if (room != null) {
            sb.append(" room ").append(room);
        }
        String event = conf.getEventName() != null ? conf.getEventName() : conf.getEvent();
        if (event != null) {
            sb.append(" event ").append(event);
        }
        return sb.toString();
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
