package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.UserStatus;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PresenceRouteTest extends ExampleTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new PresenceRoute();
    }

    private PresenceBoard board() {
        return context.getRegistry().lookupByNameAndType("presenceBoard", PresenceBoard.class);
    }

    @Test
    void logsWhoIsTyping() {
        server().as("carol").typing("demo", true);
        await().atMost(WAIT).until(() -> board().isTyping("carol", "demo"));
        server().as("carol").typing("demo", false);
        await().atMost(WAIT).until(() -> !board().isTyping("carol", "demo"));
    }

    @Test
    void logsStatusChanges() {
        server().as("bob").setConnected(true);
        await().atMost(WAIT).until(() -> "online".equals(board().statusOf("bob")));
        server().as("bob").setStatus("busy", "in a meeting");
        await().atMost(WAIT).until(() -> "busy".equals(board().statusOf("bob")));
        server().as("bob").setConnected(false);
        await().atMost(WAIT).until(() -> "offline".equals(board().statusOf("bob")));
    }

    @Test
    void sentences() {
        PresenceBoard b = new PresenceBoard();
        assertThat(b.status(new UserStatus("u1", "bob", 1, "online", "", null, null))).isEqualTo("bob is online");
        assertThat(b.status(new UserStatus("u1", "bob", 2, "away", "lunch", null, null))).isEqualTo("bob is away (\"lunch\"), was online");
        assertThat(b.activity(new UserActivity("r1", "carol", List.of(UserActivity.TYPING), Map.of()), "demo"))
                .isEqualTo("carol is typing in #demo");
        assertThat(b.activity(new UserActivity("r1", "carol", List.of(UserActivity.TYPING), Map.of("tmid", "m1")), "demo"))
                .isEqualTo("carol is typing in #demo (in a thread)");
        assertThat(b.activity(new UserActivity("r1", "carol", List.of(), Map.of()), "demo")).isEqualTo("carol stopped typing in #demo");
        assertThat(b.statuses()).containsEntry("bob", "away");
    }
}
