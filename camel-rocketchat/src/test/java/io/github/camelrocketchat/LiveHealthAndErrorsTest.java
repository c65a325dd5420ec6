package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Health checks and error reporting against the test server: UP while connected, DOWN (truthfully) while the session
 * reconnects and resubscribes, UP again after; a session that gave up and failing deliveries reach the consumer's
 * ExceptionHandler, and with {@code bridgeErrorHandler=true} the route's error handler.
 */
class LiveHealthAndErrorsTest extends LiveTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FAST_RECONNECT = "&reconnectInitialDelay=20&reconnectMaxDelay=200";

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        HealthCheckRegistry reg = HealthCheckRegistry.get(ctx);
        reg.register(reg.resolveById("consumers"));
        HealthCheckRepository producers = (HealthCheckRepository) reg.resolveById("producers");
        producers.setEnabled(true);
        reg.register(producers);
        reg.setExposureLevel("full");
        ctx.getRegistry().bind("recordingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
        return ctx;
    }

    private Optional<HealthCheck.Result> result(String id) {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals(id)).findFirst();
    }

    private HealthCheck.State state(String id) {
        return result(id).map(HealthCheck.Result::getState).orElseThrow(() -> new AssertionError("no health check " + id));
    }

    @Test
    void checksAreDownWhileTheSessionReconnectsAndUpAgainOnceItResubscribed() throws Exception {
        String bot = as("bot", "bot-pass") + FAST_RECONNECT;
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot + "&roomId=GENERAL&exceptionHandler=#recordingHandler")
                    .routeId("messages").to("mock:messages");
            b.from("direct:send").routeId("send").to("rocketchat:sendMessage?" + bot + "&roomId=GENERAL");
        });
        assertThat(state("consumer:messages")).isEqualTo(HealthCheck.State.UP);
        assertThat(state("producer:rocketchat-sendMessage-1")).isEqualTo(HealthCheck.State.UP);
        assertThat(result("consumer:messages").orElseThrow().getDetails())
                .containsEntry("rocketchat.subscription.state", "ready")
                .containsEntry("rocketchat.session.state", "ready");

        // the server refuses the reconnects until the test lets it: the checks must say DOWN meanwhile
        server().faults().refuseConnections();
        server().faults().dropAllConnections();
        await().atMost(WAIT).until(() -> state("consumer:messages") == HealthCheck.State.DOWN);
        assertThat(state("producer:rocketchat-sendMessage-1")).isEqualTo(HealthCheck.State.DOWN);
        await().atMost(WAIT).untilAsserted(() -> assertThat(result("consumer:messages").orElseThrow().getDetails())
                .containsEntry("rocketchat.session.state", "reconnecting")
                .containsKey("rocketchat.session.reconnectAttempt").containsKey("rocketchat.session.problem")
                .containsEntry("rocketchat.subscription.state", "resubscribing"));
        assertThat(result("consumer:messages").orElseThrow().getMessage()).hasValueSatisfying(m -> assertThat(m).contains("reconnecting"));

        // a send made while the connection is down waits for it and goes out after the re-login
        java.util.concurrent.CompletableFuture<Exchange> pending = template.asyncSend("direct:send", e -> e.getMessage().setBody("queued"));
        server().faults().acceptConnections();
        await().atMost(WAIT).until(() -> state("consumer:messages") == HealthCheck.State.UP);
        assertThat(state("producer:rocketchat-sendMessage-1")).isEqualTo(HealthCheck.State.UP);
        assertThat(result("consumer:messages").orElseThrow().getDetails()).containsEntry("rocketchat.session.reconnects", 1L)
                .containsEntry("rocketchat.consumer.gapFills", 1L);
        assertThat(pending.get(10, java.util.concurrent.TimeUnit.SECONDS).getException()).isNull();
        assertThat(handled).as("a connection that heals is not an error of the consumer").isEmpty();
        assertThat(server().connectionCount()).isEqualTo(1);
        getMockEndpoint("mock:messages").expectedBodiesReceived("back");
        server().as("bob").send("general", "back");
        getMockEndpoint("mock:messages").assertIsSatisfied(10_000);
        assertThat(server().connectionCount()).isEqualTo(1);
        assertThat(handled).as("a connection that heals is no error").isEmpty();
    }

    @Test
    void aMalformedFrameIsCountedByTheSessionShownInHealthAndCaughtByTheEndOfTestCheck() throws Exception {
        String uri = "rocketchat:stream-room-messages?" + as("bot", "bot-pass") + "&roomId=GENERAL";
        routes(b -> b.from(uri).routeId("watched").to("mock:watched"));
        RocketChatEndpoint endpoint = context.getEndpoint(uri, RocketChatEndpoint.class);
        RocketChatSession session = endpoint.sessionRegistry().find(endpoint.sessionSettings().key());
        assertThat(session.badFrameCount()).isZero();
        assertThat(result("consumer:watched").orElseThrow().getDetails()).containsEntry("rocketchat.session.badFrames", 0L);

        server().faults().sendMalformedFrame();

        await().atMost(WAIT).until(() -> session.badFrameCount() == 1L);
        assertThat(result("consumer:watched").orElseThrow().getDetails()).containsEntry("rocketchat.session.badFrames", 1L);
        assertThat(state("consumer:watched")).as("a dropped frame is not a broken connection").isEqualTo(HealthCheck.State.UP);
        // what ends every live test fails on it until the test says it asked for it
        assertThatThrownBy(this::assertBadFramesAsExpected).isInstanceOf(AssertionError.class)
                .hasMessageContaining("INVALID_JSON=1");
        expectBadFrames(BadFrameKind.INVALID_JSON, 1);
    }

    @Test
    void withBridgeErrorHandlerASessionThatGaveUpReachesTheRoutesErrorHandlerAndStopsTheRoute() throws Exception {
        routes(b -> {
            b.errorHandler(b.deadLetterChannel("mock:dead"));
            b.from("rocketchat:stream-room-messages?" + as("bot", "bot-pass") + FAST_RECONNECT
                    + "&maxReconnectAttempts=2&roomId=GENERAL&bridgeErrorHandler=true")
                    .routeId("bridged").to("mock:bridged");
        });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        server().faults().refuseConnections();
        try {
            server().faults().closeAllConnections(1011, "server going away");
            dead.assertIsSatisfied(10_000);
            Throwable caught = dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            assertThat(caught).isInstanceOf(RocketChatException.class).hasMessageContaining("gave up reconnecting");
            assertThat(getMockEndpoint("mock:bridged").getReceivedCounter()).isZero();
            // the route stops (from a thread of its own), so behind master: another node would take the lock
            await().atMost(WAIT).until(() -> context.getRouteController().getRouteStatus("bridged").isStopped());
        } finally {
            server().faults().acceptConnections();
        }
    }

    @Test
    void aFailingDeliveryGoesThroughTheExceptionHandlerAndTheNextEventStillArrives() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + as("bot", "bot-pass") + "&roomId=GENERAL&exceptionHandler=#recordingHandler")
                .routeId("failing").errorHandler(b.noErrorHandler())
                .process(e -> {
                    if ("boom".equals(e.getMessage().getBody(String.class))) {
                        throw new IllegalStateException("the route failed on purpose");
                    }
                })
                .to("mock:after"));
        MockEndpoint after = getMockEndpoint("mock:after");
        after.expectedBodiesReceived("fine");
        server().as("bob").send("general", "boom");
        server().as("bob").send("general", "fine");
        after.assertIsSatisfied(10_000);
        await().atMost(WAIT).until(() -> !handled.isEmpty());
        assertThat(handled).anySatisfy(t -> assertThat(t).hasMessageContaining("the route failed on purpose"));
    }
}
