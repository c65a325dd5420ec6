package io.github.camelrocketchat.session;

import java.util.LinkedHashMap;
import java.util.Map;

/** A session's health details: connection, outbound queue and transport choices, never a secret. */
final class SessionDetails {
    private SessionDetails() {
    }

    /** @param d the DDP connection, or null before start */
    static Map<String, Object> of(SessionSettings settings, SessionStatus s, DdpConnection d, long badFrames,
                                  OutboundStatus outbound, Map<String, String> transports) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rocketchat.server", settings.key().url());
        out.put("rocketchat.user", settings.key().describe());
        out.put("rocketchat.session.state", s.state().name().toLowerCase());
        if (d != null && d.sessionId() != null) {
            out.put("rocketchat.session.id", d.sessionId());
        }
        if (d != null) {
            out.put("rocketchat.session.badFrames", badFrames);
        }
        if (s.reconnectAttempt() > 0) {
            out.put("rocketchat.session.reconnectAttempt", s.reconnectAttempt());
        }
        out.put("rocketchat.session.reconnects", s.reconnects());
        if (s.lastProblem() != null) {
            out.put("rocketchat.session.problem", s.lastProblem());
        }
        out.put("rocketchat.outbound.waiting", outbound.waiting());
        out.put("rocketchat.outbound.rateLimitRefusals", outbound.rateLimitRefusals());
        out.put("rocketchat.outbound.rejected", outbound.rejected());
        transports.forEach((op, route) -> out.put("rocketchat.transport." + op, route));
        return out;
    }
}
