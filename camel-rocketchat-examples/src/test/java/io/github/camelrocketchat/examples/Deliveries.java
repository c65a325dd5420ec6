package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.model.ChatMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * What reached a sink of a test cluster, in arrival order over every node: the numbered messages {@code <room>#<n>}
 * that {@link NumberedPosts} posts. Routes on any node append (from their consumer threads); the test reads.
 */
final class Deliveries {

    /**
     * One exchange at the sink.
     *
     * @param node     the node whose route delivered it
     * @param room     the room name the text names
     * @param n        the number in the text
     * @param replayed the exchange's {@link RocketChatConstants#REPLAYED} header
     * @param nanos    {@link System#nanoTime()} on arrival
     * @param id       the message id
     */
    record Delivery(String node, String room, int n, boolean replayed, long nanos, String id) {
    }

    /** Guarded by itself. */
    private final List<Delivery> arrived = new ArrayList<>();

    void record(String node, Exchange exchange) {
        ChatMessage m = exchange.getMessage().getBody(ChatMessage.class);
        int hash = m.text().lastIndexOf('#');
        Delivery d = new Delivery(node, m.text().substring(0, hash), Integer.parseInt(m.text().substring(hash + 1)),
                Boolean.TRUE.equals(exchange.getMessage().getHeader(RocketChatConstants.REPLAYED, Boolean.class)),
                System.nanoTime(), m.id());
        synchronized (arrived) {
            arrived.add(d);
        }
    }

    List<Delivery> all() {
        synchronized (arrived) {
            return List.copyOf(arrived);
        }
    }

    /** The numbers 1..posted of {@code room} that never arrived. */
    List<Integer> lost(String room, int posted) {
        Set<Integer> seen = new HashSet<>();
        all().stream().filter(d -> d.room().equals(room)).forEach(d -> seen.add(d.n()));
        List<Integer> lost = new ArrayList<>();
        for (int n = 1; n <= posted; n++) {
            if (!seen.contains(n)) {
                lost.add(n);
            }
        }
        return lost;
    }

    /** Every delivery of a message that had arrived before (its second and later arrivals). */
    List<Delivery> duplicates() {
        Set<String> seen = new HashSet<>();
        return all().stream().filter(d -> !seen.add(d.room() + "#" + d.n())).toList();
    }

    /** The numbers of {@code room} in the order of their first arrival: 1, 2, 3, ... when nothing came out of order. */
    List<Integer> firstArrivals(String room) {
        Set<Integer> seen = new HashSet<>();
        return all().stream().filter(d -> d.room().equals(room) && seen.add(d.n())).map(Delivery::n).toList();
    }

    /** True when every number 1..n of every room arrived ({@code posted}: room to n). */
    boolean hasAll(Map<String, Integer> posted) {
        return posted.entrySet().stream().allMatch(e -> lost(e.getKey(), e.getValue()).isEmpty());
    }

    /** The first delivery after {@code nanos} by a node other than {@code node}. */
    Optional<Delivery> firstAfter(long nanos, String node) {
        return all().stream().filter(d -> d.nanos() > nanos && !d.node().equals(node)).findFirst();
    }

    int size() {
        synchronized (arrived) {
            return arrived.size();
        }
    }
}
