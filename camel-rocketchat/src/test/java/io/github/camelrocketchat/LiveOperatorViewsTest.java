package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator sees: the {@code rocketchat} dev console (text and JSON) through Camel's console registry, and the
 * endpoint's and consumer's managed attributes through the platform MBean server; never a secret.
 */
class LiveOperatorViewsTest extends LiveTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-secret-pw");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    private String consumerUri() {
        return "rocketchat:stream-room-messages?roomName=ops&" + as("bot", "bot-secret-pw");
    }

    private void startRouteAndDeliverTwo() throws Exception {
        routes(b -> b.from(consumerUri()).routeId("ops-feed").to("mock:ops"));
        MockEndpoint mock = getMockEndpoint("mock:ops");
        mock.expectedMessageCount(2);
        server().as("bob").send("ops", "one");
        server().as("bob").send("ops", "two");
        mock.assertIsSatisfied(WAIT.toMillis());
        RocketChatEndpoint endpoint = context.getEndpoint(consumerUri(), RocketChatEndpoint.class);
        await().atMost(WAIT).until(() -> !endpoint.getServerVersion().isEmpty());
    }

    @Test
    void theDevConsoleShowsEachSessionAndItsConsumers() throws Exception {
        startRouteAndDeliverTwo();
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("rocketchat");
        assertThat(console).as("the rocketchat console is found through its generated service file").isNotNull();

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Rocket.Chat sessions: 1", "bot@", "State: ready", "Consumer ops-feed: stream-room-messages room ops [ready]")
                .contains("queued 0", "replayed 0").doesNotContain("bot-secret-pw");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> session = ((List<Map<String, Object>>) json.get("sessions")).get(0);
        assertThat(session).containsEntry("state", "ready").containsEntry("reconnects", 0L)
                .containsEntry("serverVersion", server().dialect().version());
        @SuppressWarnings("unchecked")
        Map<String, Object> consumer = ((List<Map<String, Object>>) session.get("consumers")).get(0);
        assertThat(consumer).containsEntry("routeId", "ops-feed").containsEntry("subscription", "ready").containsEntry("queued", 0);
        assertThat(consumer.get("highWaterMark")).as("two messages delivered").isNotNull();
        assertThat(json.toString()).doesNotContain("bot-secret-pw");
    }

    @Test
    void theEndpointAndConsumerExposeTheirFiguresOverJmx() throws Exception {
        startRouteAndDeliverTwo();
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        String ctx = context.getManagementName();
        Set<ObjectName> consumers = mbeans.queryNames(new ObjectName("org.apache.camel:context=" + ctx + ",type=consumers,*"), null);
        ObjectName consumer = consumers.stream().filter(n -> {
            try {
                return "ops-feed".equals(mbeans.getAttribute(n, "RouteId"));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(mbeans.getAttribute(consumer, "SubscriptionState")).isEqualTo("ready");
        assertThat(mbeans.getAttribute(consumer, "Queued")).isEqualTo(0);
        assertThat(mbeans.getAttribute(consumer, "Replayed")).isEqualTo(0L);
        assertThat((String) mbeans.getAttribute(consumer, "HighWaterMark")).isNotEmpty();
        assertThat((String) mbeans.getAttribute(consumer, "LastEventAt")).isNotEmpty();

        ObjectName endpoint = mbeans.queryNames(new ObjectName("org.apache.camel:context=" + ctx + ",type=endpoints,*"), null)
                .stream().filter(n -> n.toString().contains("stream-room-messages")).findFirst().orElseThrow();
        assertThat(endpoint.toString()).doesNotContain("bot-secret-pw");
        assertThat(mbeans.getAttribute(endpoint, "SessionState")).isEqualTo("ready");
        assertThat(mbeans.getAttribute(endpoint, "Reconnects")).isEqualTo(0L);
        assertThat(mbeans.getAttribute(endpoint, "ServerVersion")).isEqualTo(server().dialect().version());

        server().faults().dropAllConnections();
        await().atMost(WAIT).until(() -> Long.valueOf(1L).equals(mbeans.getAttribute(endpoint, "Reconnects"))
                && "ready".equals(mbeans.getAttribute(endpoint, "SessionState")));
    }
}
