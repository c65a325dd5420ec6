package io.github.camelrocketchat.session;

/**
 * A snapshot of a session's outbound queue.
 *
 * @param waiting           calls waiting in the queue (for the rate limiter or a client-side rate)
 * @param rateLimitRefusals refusals by the server's rate limiter that were waited out and retried
 * @param rejected          calls refused because {@code maxPendingCalls} calls were already waiting
 * @param inFlight          calls handed to a transport whose answer has not come yet
 */
public record OutboundStatus(int waiting, long rateLimitRefusals, long rejected, int inFlight) {
}
