package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind {@code master:}, a consumer whose session gave up reconnecting stops its route, which gives up the lock:
 * another node takes over and consumes. Two CamelContexts play the two nodes, with a file lock cluster service.
 */
class LiveFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @TempDir
    Path cluster;
    private final List<CamelContext> nodes = new ArrayList<>();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ha", "bob", "bot");
    }

    @AfterEach
    void stop() {
        rocketChat.server().faults().acceptConnections();
        nodes.forEach(CamelContext::stop);
    }

    private CamelContext node(String name) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName(name);
        FileLockClusterService service = new FileLockClusterService();
        service.setId(name);
        service.setRoot(cluster.toString());
        service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        ctx.addService(service);
        String uri = "master:rocketchat-ha:rocketchat:stream-room-messages?serverUrl=" + rocketChat.server().url()
                + "&username=bot&password=bot-pass&roomName=ha&messageEvents=created"
                + LiveReconnectTest.FAST_RECONNECT + "&maxReconnectAttempts=1";
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("ha").to("mock:ha");
            }
        });
        ctx.start();
        nodes.add(ctx);
        return ctx;
    }

    @Test
    void aLeaderWhoseSessionGaveUpStopsItsRouteAndAnotherNodeTakesOver() throws Exception {
        RocketChatTestServer server = rocketChat.server();
        CamelContext first = node("first");
        await().atMost(WAIT).until(() -> server.subscriptionCount("stream-room-messages", server.roomId("ha")) == 1);
        CamelContext second = node("second");
        MockEndpoint firstHa = first.getEndpoint("mock:ha", MockEndpoint.class);
        firstHa.expectedBodiesReceived("to the leader");
        server.as("bob").send("ha", "to the leader");
        firstHa.assertIsSatisfied(WAIT.toMillis());

        server.faults().refuseConnections();
        server.faults().dropAllConnections();
        // one refused attempt and the first node's session gives up: its route stops and releases the lock
        await().atMost(WAIT).until(() -> first.getRouteController().getRouteStatus("ha").isStopped());
        server.faults().acceptConnections();

        await().atMost(WAIT).until(() -> server.subscriptionCount("stream-room-messages", server.roomId("ha")) == 1);
        MockEndpoint secondHa = second.getEndpoint("mock:ha", MockEndpoint.class);
        secondHa.expectedBodiesReceived("to the new leader");
        server.as("bob").send("ha", "to the new leader");
        secondHa.assertIsSatisfied(WAIT.toMillis());
        assertThat(firstHa.getReceivedCounter()).isEqualTo(1);
    }
}
