package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared connection, counted on the test server: one socket and one login per configuration, shared DDP
 * subscriptions, reference counting across route stops and restarts, logout on the last release.
 */
class LiveSharedConnectionTest extends LiveTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.addUser("carl", "carl-pass");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
        server().frames().clear();
    }

    private String bot() {
        return as("bot", "bot-pass");
    }

    @Test
    void endpointsWithOneConfigurationShareOneSocketAndOneSubscription() throws Exception {
        int before = server().totalConnections();
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL").routeId("a").to("mock:a");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL&messageEvents=created").routeId("b").to("mock:b");
            b.from("rocketchat:stream-notify-room?" + bot() + "&roomId=GENERAL&event=user-activity").routeId("c").to("mock:c");
            b.from("direct:send").routeId("send").to("rocketchat:sendMessage?" + bot() + "&roomId=GENERAL");
            b.from("direct:history").routeId("history").to("rocketchat:loadHistory?" + bot() + "&roomId=GENERAL");
        });
        assertThat(server().connectionCount()).isEqualTo(1);
        assertThat(server().totalConnections()).isEqualTo(before + 1);
        assertThat(server().frames().withMsg(RecordedFrame.Direction.IN, "method"))
                .filteredOn(f -> "login".equals(f.json().path("method").asText())).hasSize(1);
        assertThat(server().subscriptionCount("stream-room-messages", "GENERAL")).isEqualTo(1);
        assertThat(server().subscriptionCount("stream-notify-room", "GENERAL/user-activity")).isEqualTo(1);
        RocketChatComponent component = context.getComponent("rocketchat", RocketChatComponent.class);
        assertThat(component.getSessionRegistry().size()).isEqualTo(1);

        // both consumers of the shared subscription get every message
        getMockEndpoint("mock:a").expectedBodiesReceived("hi");
        getMockEndpoint("mock:b").expectedBodiesReceived("hi");
        server().as("bob").send("general", "hi");
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, getMockEndpoint("mock:a"), getMockEndpoint("mock:b"));

        // a second user gets a second socket
        routes(b -> b.from("rocketchat:stream-room-messages?" + as("carl", "carl-pass") + "&roomId=GENERAL").routeId("carl")
                .to("mock:carl"));
        assertThat(server().connectionCount()).isEqualTo(2);
        assertThat(component.getSessionRegistry().size()).isEqualTo(2);
        assertThat(server().loggedInUserIds()).containsExactlyInAnyOrder(server().userId("bot"), server().userId("carl"));
        assertThat(server().subscriptionCount("stream-room-messages", "GENERAL")).isEqualTo(2);
    }

    @Test
    void stoppingRoutesReleasesAndTheLastOneLogsOutAndCloses() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL").routeId("a").to("mock:a");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL").routeId("b").to("mock:b");
            b.from("direct:send").routeId("send").to("rocketchat:sendMessage?" + bot() + "&roomId=GENERAL");
        });
        int total = server().totalConnections();

        context.getRouteController().stopRoute("a");
        assertThat(server().connectionCount()).isEqualTo(1);
        assertThat(server().subscriptionCount("stream-room-messages", "GENERAL")).isEqualTo(1);
        context.getRouteController().stopRoute("b");
        assertThat(server().connectionCount()).isEqualTo(1);
        await().atMost(WAIT).until(() -> server().subscriptionCount("stream-room-messages", "GENERAL") == 0);

        // a restarted route reuses the socket that the producer still holds
        context.getRouteController().startRoute("a");
        assertThat(server().connectionCount()).isEqualTo(1);
        assertThat(server().totalConnections()).isEqualTo(total);
        assertThat(server().subscriptionCount("stream-room-messages", "GENERAL")).isEqualTo(1);
        getMockEndpoint("mock:a").expectedBodiesReceived("after restart");
        server().as("bob").send("general", "after restart");
        getMockEndpoint("mock:a").assertIsSatisfied(10_000);

        context.getRouteController().stopRoute("a");
        context.getRouteController().stopRoute("send");
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
        assertThat(server().frames().withMsg(RecordedFrame.Direction.IN, "method"))
                .filteredOn(f -> "logout".equals(f.json().path("method").asText())).hasSize(1);
        RocketChatComponent component = context.getComponent("rocketchat", RocketChatComponent.class);
        assertThat(component.getSessionRegistry().size()).isZero();

        // starting again opens a new socket and logs in again
        context.getRouteController().startRoute("b");
        assertThat(server().connectionCount()).isEqualTo(1);
        assertThat(server().totalConnections()).isEqualTo(total + 1);
        getMockEndpoint("mock:b").expectedBodiesReceived("on the new socket");
        server().as("bob").send("general", "on the new socket");
        getMockEndpoint("mock:b").assertIsSatisfied(10_000);
    }
}
