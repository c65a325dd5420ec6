package io.github.camelrocketchat.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Faults on the order of a method's replies against its stream events, and duplicated stream events. */
class EventOrderFaultsTest extends ServerTestSupport {

    @Test
    void byDefaultTheOwnStreamEventComesBeforeUpdatedAndResult() {
        RawDdpClient alice = watching("alice");
        assertThat(kinds(alice.call("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"a\"}"))))
                .containsExactly("changed", "updated", "result");
    }

    @Test
    void repliesFirstSendsUpdatedAndResultBeforeTheCallersEvents() {
        RawDdpClient alice = watching("alice");
        RawDdpClient bob = watching("bob");
        server.faults().reorderMethodReplies(true);
        List<JsonNode> call = alice.call("1", "sendMessage", obj("{\"_id\":\"late0000000000001\",\"rid\":\"GENERAL\",\"msg\":\"a\"}"));
        assertThat(kinds(call)).containsExactly("updated", "result");
        JsonNode event = alice.next();
        assertThat(event.path("collection").asText()).isEqualTo("stream-room-messages");
        assertThat(event.path("fields").path("args").get(0).path("_id").asText()).isEqualTo("late0000000000001");
        assertThat(alice.sync()).isEmpty();
        assertThat(kinds(bob.sync())).containsExactly("changed");
        server.faults().reorderMethodReplies(false);
        assertThat(kinds(alice.call("2", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"b\"}"))))
                .containsExactly("changed", "updated", "result");
    }

    @Test
    void shuffledOrderIsSeededAndKeepsTheEventsInTheirOwnOrder() {
        RawDdpClient alice = watching("alice");
        String root = server.as("bob").send("general", "root");
        alice.sync();
        server.faults().shuffleMethodReplies(7);
        List<List<String>> first = replyOrders(alice, "a", root);
        server.faults().shuffleMethodReplies(7);
        List<List<String>> second = replyOrders(alice, "b", root);
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(order -> assertThat(order).containsExactlyInAnyOrder(
                order.size() == 3 ? new String[] {"event", "updated", "result"}
                        : new String[] {"event", "parent", "updated", "result"}));
        assertThat(first).anySatisfy(order -> assertThat(order.indexOf("result")).isLessThan(order.indexOf("event")));
        assertThat(first).anySatisfy(order -> assertThat(order.indexOf("result")).isLessThan(order.indexOf("updated")));
        assertThat(first).filteredOn(order -> order.contains("parent"))
                .allSatisfy(order -> assertThat(order.indexOf("event")).isLessThan(order.indexOf("parent")));
    }

    /** Twelve sends (every third a thread reply); per call, the kinds of its frames in arrival order. */
    private List<List<String>> replyOrders(RawDdpClient c, String prefix, String root) {
        List<List<String>> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String tmid = i % 3 == 2 ? ",\"tmid\":\"" + root + "\"" : "";
            c.send("{\"msg\":\"method\",\"id\":\"" + prefix + i + "\",\"method\":\"sendMessage\",\"params\":[{\"rid\":"
                    + "\"GENERAL\",\"msg\":\"m" + i + "\"" + tmid + "}]}");
            orders.add(c.sync().stream().map(f -> switch (f.path("msg").asText()) {
                case "changed" -> root.equals(f.path("fields").path("args").get(0).path("_id").asText()) ? "parent" : "event";
                default -> f.path("msg").asText();
            }).toList());
        }
        return orders;
    }

    @Test
    void duplicatedStreamEventsArriveTwiceOnEverySubscription() {
        RawDdpClient alice = watching("alice");
        String bobId = server.userId("bob");
        alice.sub("p", "stream-user-presence", "", obj("{\"added\":[\"" + bobId + "\"]}"));
        server.faults().duplicateStreamEvents(true);
        String id = server.as("bob").send("general", "twice");
        List<JsonNode> frames = alice.sync();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1)).isEqualTo(frames.get(0));
        assertThat(frames.get(0).path("fields").path("args").get(0).path("_id").asText()).isEqualTo(id);
        assertThat(kinds(alice.call("1", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"own\"}"))))
                .containsExactly("changed", "changed", "updated", "result");
        server.as("bob").setConnected(true);
        List<JsonNode> presence = alice.sync();
        assertThat(presence).hasSize(2).allSatisfy(f -> assertThat(f.path("collection").asText())
                .isEqualTo("stream-user-presence"));
        server.faults().duplicateStreamEvents(false);
        server.as("bob").send("general", "once");
        assertThat(alice.sync()).hasSize(1);
    }

    @Test
    void duplicatesAndRepliesFirstCombine() {
        RawDdpClient alice = watching("alice");
        server.faults().duplicateStreamEvents(true);
        server.faults().reorderMethodReplies(true);
        alice.send("{\"msg\":\"method\",\"id\":\"1\",\"method\":\"sendMessage\",\"params\":[{\"rid\":\"GENERAL\",\"msg\":\"x\"}]}");
        assertThat(kinds(alice.sync())).containsExactly("updated", "result", "changed", "changed");
    }

    private RawDdpClient watching(String username) {
        RawDdpClient c = as(username);
        c.sub("m-" + username, "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        return c;
    }

    private static List<String> kinds(List<JsonNode> frames) {
        return frames.stream().map(f -> f.path("msg").asText()).toList();
    }
}
