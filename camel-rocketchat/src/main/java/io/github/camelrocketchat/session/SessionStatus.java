package io.github.camelrocketchat.session;

import java.time.Instant;

/**
 * An immutable snapshot of a session for health checks and the dev console; no secret in it.
 *
 * @param state            where the session is
 * @param reconnectAttempt the reconnect attempt under way (1-based), 0 when none
 * @param reconnects       how many times the connection was restored since the session started
 * @param lastProblem      the last connection or login problem as text, or null
 * @param since            when the session entered {@code state}
 */
public record SessionStatus(SessionState state, int reconnectAttempt, long reconnects, String lastProblem, Instant since) {
}
