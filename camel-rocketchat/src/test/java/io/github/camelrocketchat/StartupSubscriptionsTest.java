package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.consumer.RocketChatConsumer;
import io.github.camelrocketchat.session.ClosedPort;
import io.github.camelrocketchat.session.FakeDdpConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Consumers started with their CamelContext send their subscriptions back to back and the context's start waits for
 * all the answers at once; a refusal still fails the start and names the route. Consumers share the component's
 * delivery pool.
 */
class StartupSubscriptionsTest {
    private static final String SERVER = "serverUrl=" + ClosedPort.webSocketUrl() + "&username=bot&password=pw";
    private final List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();
    private CamelContext ctx;

    private CamelContext context(boolean autoReady, String refusedRoom, int routes) throws Exception {
        ctx = new DefaultCamelContext();
        ctx.disableJMX();
        RocketChatComponent component = new RocketChatComponent();
        component.setConnectionFactory(options -> {
            FakeDdpConnection c = new FakeDdpConnection();
            c.autoReady = autoReady;
            c.refuse = s -> s.params().get(0).equals(refusedRoom);
            sockets.add(c);
            return c.use(options);
        });
        ctx.addComponent("rocketchat", component);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < routes; i++) {
                    from("rocketchat:stream-room-messages?" + SERVER + "&roomId=ROOM" + i + "&messageEvents=created")
                            .routeId("room-" + i).to("mock:room");
                }
                if (refusedRoom != null) {
                    from("rocketchat:stream-room-messages?" + SERVER + "&roomId=" + refusedRoom + "&messageEvents=created")
                            .routeId("secret").to("mock:secret");
                }
            }
        });
        return ctx;
    }

    @AfterEach
    void stop() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void everyConsumerSubscribesBeforeAnyAnswerAndTheStartWaitsForAllAnswers() throws Exception {
        CamelContext c = context(false, null, 20);
        CompletableFuture<Void> started = CompletableFuture.runAsync(c::start);

        // no route waited for its own answer: all 20 subscriptions went out while none was answered
        await().atMost(Duration.ofSeconds(10)).until(() -> sockets.size() == 1 && sockets.get(0).subscriptions.size() == 20);
        assertThat(started).isNotDone();
        assertThat(sockets.get(0).subscriptions).noneMatch(FakeDdpConnection.FakeSubscription::isReady);

        sockets.get(0).subscriptions.forEach(FakeDdpConnection.FakeSubscription::markReady);
        started.get(10, TimeUnit.SECONDS);
        for (Route r : c.getRoutes()) {
            assertThat(((RocketChatConsumer) r.getConsumer()).subscriptionState()).as(r.getRouteId()).isEqualTo("ready");
        }
    }

    @Test
    void aSubscriptionRefusedWhileTheContextStartsFailsTheStartNamingTheRoute() throws Exception {
        CamelContext c = context(true, "SECRET", 3);
        assertThatThrownBy(c::start)
                .hasMessageContaining("The server refused the subscription of route secret to stream-room-messages SECRET")
                .hasMessageContaining("Not allowed");
    }

    @Test
    void aRouteAddedToARunningContextWaitsForItsOwnAnswer() throws Exception {
        CamelContext c = context(true, null, 1);
        c.start();
        sockets.get(0).refuse = s -> "LATE".equals(s.params().get(0));
        assertThatThrownBy(() -> c.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + SERVER + "&roomId=LATE").routeId("late").to("mock:late");
            }
        })).hasMessageContaining("The server refused the subscription of route late to stream-room-messages LATE")
                .hasMessageContaining("Not allowed");
    }
}
