package io.github.camelrocketchat.consumer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable snapshot of a consumer's delivery for its health check (and any console): taken on any thread.
 *
 * @param ended           why the subscription ended for good (room gone, access revoked, session gave up), or null
 * @param gapFillProblem  the last gap-fill failure while it is not yet retried successfully, or null
 * @param catchingUp      live room messages are left to a gap-fill now (after a backlog or a failed gap-fill)
 * @param lastEventAt     when the consumer last took an event, or null
 * @param replayed        exchanges delivered from gap-fills ({@code CamelRocketChatReplayed=true})
 * @param gapFills        gap-fills run (after reconnects, backlogs, at start, retries)
 * @param gapFillFailures gap-fills that failed
 * @param deferred        live room events left to a gap-fill rather than queued (fetched again, not lost)
 * @param dropped         events of streams that cannot be fetched again, shed because the queue was full
 * @param queued          events waiting now
 * @param peakQueued      the most events that ever waited (never above {@code maxQueueSize})
 * @param highWaterMark   a room message consumer's mark: the {@code _updatedAt} up to which it delivered, or null
 */
public record ConsumerStatus(String ended, String gapFillProblem, boolean catchingUp, Instant lastEventAt, long replayed,
                             long gapFills, long gapFillFailures, long deferred, long dropped, int queued, int peakQueued,
                             Instant highWaterMark) {

    /** Why the consumer is DOWN on its own account (the session and subscription aside), or null. */
    public String problem() {
        if (ended != null) {
            return "Subscription ended: " + ended;
        }
        return gapFillProblem == null ? null : "Gap-fill failed, retrying: " + gapFillProblem;
    }

    /** Health details, {@code rocketchat.consumer.*}. */
    public Map<String, Object> details() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ended != null) {
            out.put("rocketchat.consumer.ended", ended);
        }
        if (gapFillProblem != null) {
            out.put("rocketchat.consumer.gapFillProblem", gapFillProblem);
        }
        if (lastEventAt != null) {
            out.put("rocketchat.consumer.lastEventAt", lastEventAt.toString());
        }
        out.put("rocketchat.consumer.catchingUp", catchingUp);
        out.put("rocketchat.consumer.replayed", replayed);
        out.put("rocketchat.consumer.gapFills", gapFills);
        out.put("rocketchat.consumer.gapFillFailures", gapFillFailures);
        out.put("rocketchat.consumer.deferred", deferred);
        out.put("rocketchat.consumer.dropped", dropped);
        out.put("rocketchat.consumer.queued", queued);
        out.put("rocketchat.consumer.peakQueued", peakQueued);
        if (highWaterMark != null) {
            out.put("rocketchat.consumer.highWaterMark", highWaterMark.toString());
        }
        return out;
    }
}
