package io.github.camelrocketchat.consumer;

import io.github.camelrocketchat.RocketChatComponent;
import io.github.camelrocketchat.RocketChatEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.model.WireFixtures;
import io.github.camelrocketchat.session.ClosedPort;
import io.github.camelrocketchat.session.FakeDdpConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slow route never stalls the shared session: its consumer's full delivery queue drops events (counted, logged,
 * in health) instead of running the route on the DDP callback thread, and the other consumers keep receiving.
 */
class SlowRouteTest extends CamelTestSupport {
    /** Nothing listens there: DDP goes through a fake, and the REST client finds the port closed. */
    private final String url = ClosedPort.webSocketUrl();
    private final String SERVER = "serverUrl=" + url + "&username=bot&password=pw";
    private final List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();
    private final List<String> slowThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        RocketChatComponent component = new RocketChatComponent();
        component.setConnectionFactory(options -> {
            FakeDdpConnection c = new FakeDdpConnection();
            sockets.add(c);
            return c;
        });
        ctx.addComponent("rocketchat", component);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + SERVER + "&roomId=GENERAL&maxQueueSize=2&messageEvents=created")
                        .routeId("slow")
                        .process(e -> {
                            slowThreads.add(Thread.currentThread().getName());
                            entered.countDown();
                            // bounded, so a broken implementation fails the test instead of hanging it
                            release.await(30, TimeUnit.SECONDS);
                        })
                        .to("mock:slow");
                from("rocketchat:stream-room-messages?" + SERVER + "&roomId=GENERAL&messageEvents=created")
                        .routeId("fast").to("mock:fast");
            }
        };
    }

    @AfterEach
    void releaseTheRoute() {
        release.countDown();
    }

    private static Map<String, Object> message(int n) {
        Map<String, Object> m = new LinkedHashMap<>(WireFixtures.normal());
        m.put("_id", "m" + n);
        m.put("msg", "message " + n);
        return m;
    }

    @Test
    void aFullQueueDropsCountsAndLogsWithoutStallingTheOtherConsumers() throws Exception {
        FakeDdpConnection ddp = sockets.get(0);
        RocketChatConsumer slow = (RocketChatConsumer) context.getRoute("slow").getConsumer();
        MockEndpoint fast = getMockEndpoint("mock:fast");
        fast.expectedMessageCount(5);
        MockEndpoint slowMock = getMockEndpoint("mock:slow");
        slowMock.expectedBodiesReceived("message 1", "message 2", "message 3");

        try (LogCapture log = new LogCapture(ConsumerDeliveryQueue.class.getName())) {
            ddp.emit("stream-room-messages", "GENERAL", message(1));
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the slow route took the first event").isTrue();
            // the test thread plays the DDP callback thread: each emit must return at once
            for (int n = 2; n <= 5; n++) {
                ddp.emit("stream-room-messages", "GENERAL", message(n));
            }
            // 2 and 3 wait in the queue (maxQueueSize=2); 4 and 5 are dropped
            assertThat(slow.droppedEvents()).isEqualTo(2);
            fast.assertIsSatisfied(10_000);
            assertThat(log.at(Level.WARN)).hasSize(2).last().asString()
                    .contains("stream-room-messages of route slow").contains("2 event(s) dropped so far");

            HealthCheck.Result health = slow.getHealthCheck().call();
            assertThat(health.getDetails()).containsEntry("rocketchat.consumer.dropped", 2L)
                    .containsEntry("rocketchat.consumer.queued", 2);
        }
        release.countDown();
        slowMock.assertIsSatisfied(10_000);
        assertThat(slowThreads).hasSize(3).allMatch(n -> n.contains("RocketChatConsumer"));
        assertThat(slow.getHealthCheck().call().getDetails()).containsEntry("rocketchat.consumer.dropped", 2L)
                .containsEntry("rocketchat.consumer.queued", 0);
    }

    @Test
    void maxQueueSizeMustBePositiveOrUnbounded() {
        assertThatThrownBy(() -> context.getEndpoint("rocketchat:stream-room-messages?" + SERVER + "&roomId=GENERAL&maxQueueSize=0"))
                .hasMessageContaining("maxQueueSize must be positive, or -1 for an unbounded queue; got 0");
        assertThat(context.getEndpoint("rocketchat:stream-room-messages?" + SERVER + "&roomId=GENERAL&maxQueueSize=-1",
                RocketChatEndpoint.class).getConfiguration().getMaxQueueSize()).isEqualTo(-1);
    }
}
