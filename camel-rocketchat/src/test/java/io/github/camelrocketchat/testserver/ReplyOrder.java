package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a method's {@code updated} and {@code result} go among the stream events the same call caused on the
 * caller's socket. The real stream events come from a database-change watcher, so a server does not promise
 * any order between them and the method's replies; the default reproduces the emulator's natural order.
 */
final class ReplyOrder {

    enum Mode {
        /** Stream events first, then the replies: what a synchronous emit on one thread gives. */
        EVENTS_FIRST,
        /** The replies first, then the stream events, as when the change watcher lags. */
        REPLIES_FIRST,
        /** Each reply at a seeded-random place among the events; the events keep their order among themselves. */
        SHUFFLED
    }

    static final ReplyOrder DEFAULT = new ReplyOrder(Mode.EVENTS_FIRST, null);
    static final ReplyOrder REPLIES_FIRST = new ReplyOrder(Mode.REPLIES_FIRST, null);

    private final Mode mode;
    /** Server thread only (one call is arranged at a time), so a seed gives one sequence of orders. */
    private final Random random;

    private ReplyOrder(Mode mode, Random random) {
        this.mode = mode;
        this.random = random;
    }

    static ReplyOrder shuffled(long seed) {
        return new ReplyOrder(Mode.SHUFFLED, new Random(seed));
    }

    /** Whether a call's stream events must be held back until its replies are built. */
    boolean holdsEvents() {
        return mode != Mode.EVENTS_FIRST;
    }

    /** The frames to send, in order. {@code replies} are {@code updated} and {@code result} in dialect order. */
    List<ObjectNode> arrange(List<ObjectNode> replies, List<ObjectNode> events) {
        List<ObjectNode> out = new ArrayList<>(events.size() + replies.size());
        switch (mode) {
            case REPLIES_FIRST -> {
                out.addAll(replies);
                out.addAll(events);
            }
            case SHUFFLED -> {
                out.addAll(events);
                for (ObjectNode reply : replies) {
                    out.add(random.nextInt(out.size() + 1), reply);
                }
            }
            default -> {
                out.addAll(events);
                out.addAll(replies);
            }
        }
        return out;
    }
}
