package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.RocketChatComponent;
import io.github.camelrocketchat.RocketChatEndpoint;
import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.session.ClosedPort;
import io.github.camelrocketchat.session.FakeDdpConnection;
import io.github.camelrocketchat.testserver.TestClock;
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
 * A slow route never stalls the shared session: a stream that cannot be fetched again (typing here) sheds what its
 * full queue cannot hold, counted in the health details and logged at WARN at most once a minute, and the other
 * consumers keep receiving. Room messages are never shed: see {@code LiveOverloadTest}.
 */
class SlowRouteTest extends CamelTestSupport {
    /** Nothing listens there: DDP goes through a fake, and the REST client finds the port closed. */
    private static final String SERVER = "serverUrl=" + ClosedPort.webSocketUrl() + "&username=bot&password=pw";
    private static final String TYPING = "rocketchat:stream-notify-room?" + SERVER + "&roomId=GENERAL&event=user-activity";
    private final List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();
    private final List<String> slowThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final TestClock clock = new TestClock();

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
                from(TYPING + "&maxQueueSize=2").routeId("slow").autoStartup(false)
                        .process(e -> {
                            slowThreads.add(Thread.currentThread().getName());
                            entered.countDown();
                            // bounded, so a broken implementation fails the test instead of hanging it
                            release.await(30, TimeUnit.SECONDS);
                        })
                        .to("mock:slow");
                from(TYPING).routeId("fast").to("mock:fast");
            }
        };
    }

    @AfterEach
    void releaseTheRoute() {
        release.countDown();
    }

    private static void typing(FakeDdpConnection ddp, int n) {
        ddp.emit("stream-notify-room", "GENERAL/user-activity", "user" + n, List.of("user-typing"), Map.of());
    }

    @Test
    void aFullQueueShedsCountsAndWarnsOncePerMinuteWithoutStallingTheOtherConsumers() throws Exception {
        RocketChatConsumer slow = (RocketChatConsumer) context.getRoute("slow").getConsumer();
        slow.setClock(clock);
        context.getRouteController().startRoute("slow");
        FakeDdpConnection ddp = sockets.get(0);
        MockEndpoint fast = getMockEndpoint("mock:fast");
        fast.expectedMessageCount(6);
        MockEndpoint slowMock = getMockEndpoint("mock:slow");
        slowMock.expectedHeaderValuesReceivedInAnyOrder("CamelRocketChatUsername", "user1", "user2", "user3");

        try (LogCapture log = new LogCapture(ShedEvents.class.getName())) {
            typing(ddp, 1);
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("the slow route took the first event").isTrue();
            // the test thread plays the DDP callback thread: each emit must return at once
            for (int n = 2; n <= 5; n++) {
                typing(ddp, n);
            }
            // 2 and 3 wait in the queue (maxQueueSize=2); 4 and 5 are shed, with one WARN for both
            assertThat(slow.status().dropped()).isEqualTo(2);
            assertThat(log.at(Level.WARN)).singleElement().asString()
                    .contains("stream-notify-room of route slow").contains("1 event(s) shed since the last report, 1 in all");

            clock.advance(ShedEvents.LOG_INTERVAL);
            typing(ddp, 6);
            assertThat(log.at(Level.WARN)).hasSize(2).last().asString()
                    .contains("2 event(s) shed since the last report, 3 in all");
            fast.assertIsSatisfied(10_000);

            HealthCheck.Result health = slow.getHealthCheck().call();
            assertThat(health.getDetails()).containsEntry("rocketchat.consumer.dropped", 3L)
                    .containsEntry("rocketchat.consumer.queued", 2).containsEntry("rocketchat.consumer.peakQueued", 2);
        }
        release.countDown();
        slowMock.assertIsSatisfied(10_000);
        assertThat(slowThreads).hasSize(3).allMatch(n -> n.contains("RocketChatConsumer"));
        assertThat(slow.getHealthCheck().call().getDetails()).containsEntry("rocketchat.consumer.dropped", 3L)
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
