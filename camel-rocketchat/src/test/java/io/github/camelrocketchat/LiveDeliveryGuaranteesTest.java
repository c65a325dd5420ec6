package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.consumer.ConsumerStatus;
import io.github.camelrocketchat.consumer.RocketChatConsumer;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a consumer promises under load and trouble: a held route and a burst of 10,000 room messages lose nothing
 * (the backlog comes from a gap-fill, the queue never grows past maxQueueSize); one exchange in flight, in order, on
 * an eight-thread pool with an asynchronous route step; a refused resubscribe ends only that consumer, reported on
 * its delivery thread; a body shared by two routes cannot be changed by either.
 */
class LiveDeliveryGuaranteesTest extends LiveTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> handlerThreads = new CopyOnWriteArrayList<>();
    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        for (String room : List.of("burst", "async", "ops", "shared")) {
            server.createChannel(room, "bob", "bot");
        }
        server.createPrivateGroup("secret", "bob", "bot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
    }

    @AfterEach
    void releaseTheRoute() {
        release.countDown();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        // every consumer of this context delivers from an eight-thread pool: the order must not depend on one thread
        ThreadPoolProfile eight = new ThreadPoolProfile(RocketChatConsumer.THREAD_POOL_PROFILE);
        eight.setPoolSize(8);
        eight.setMaxPoolSize(8);
        eight.setMaxQueueSize(1000);
        ctx.getExecutorServiceManager().registerThreadPoolProfile(eight);
        ctx.getRegistry().bind("recordingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handlerThreads.add(Thread.currentThread().getName());
                handled.add(exception);
            }
        });
        return ctx;
    }

    private String bot() {
        return as("bot", "bot-pass") + LiveReconnectTest.FAST_RECONNECT;
    }

    private RocketChatConsumer consumer(String routeId) {
        return (RocketChatConsumer) context.getRoute(routeId).getConsumer();
    }

    private static List<String> texts(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static List<String> bodies(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getBody(String.class)).toList();
    }

    @Test
    void aHeldRouteAndABurstOfTenThousandLoseNothingAndKeepTheQueueBounded() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=burst&messageEvents=created&maxQueueSize=100")
                .routeId("held").process(e -> release.await(30, TimeUnit.SECONDS)).to("mock:held"));
        MockEndpoint held = getMockEndpoint("mock:held");
        held.expectedMessageCount(10_000);

        server().as("bob").sendMany("burst", 10_000, "b");
        // one in the route, at most 100 queued, the rest left to the server (whether the first event had left the
        // queue when the queue filled decides whether 100 or 99 wait in it)
        await().atMost(WAIT).until(() -> consumer("held").status().deferred() + consumer("held").status().queued() == 10_000 - 1);
        ConsumerStatus behind = consumer("held").status();
        long deferred = behind.deferred();
        assertThat(behind.catchingUp()).isTrue();
        assertThat(behind.queued()).isBetween(99, 100);
        assertThat(consumer("held").getHealthCheck().call().getDetails()).containsEntry("rocketchat.consumer.catchingUp", true)
                .containsEntry("rocketchat.consumer.queued", behind.queued());
        release.countDown();

        held.assertIsSatisfied(WAIT.toMillis());
        assertThat(bodies(held)).isEqualTo(texts("b", 10_000));
        ConsumerStatus after = consumer("held").status();
        assertThat(after.peakQueued()).isLessThanOrEqualTo(100);
        assertThat(after.replayed()).isEqualTo(deferred);
        assertThat(after.dropped()).isZero();
        assertThat(after.catchingUp()).isFalse();
        int firstReplayed = (int) (10_000 - deferred);
        assertThat(held.getExchanges().get(firstReplayed).getMessage().getHeader(RocketChatConstants.REPLAYED)).isEqualTo(true);
        assertThat(held.getExchanges().get(firstReplayed - 1).getMessage().getHeader(RocketChatConstants.REPLAYED)).isNull();
    }

    @Test
    void oneExchangeInFlightInOrderOnAnEightThreadPoolWithAnAsynchronousStep() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> threads = new CopyOnWriteArrayList<>();
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=async&messageEvents=created").routeId("async")
                .process(e -> {
                    threads.add(Thread.currentThread().getName());
                    if (inFlight.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                })
                .delay(b.simple("${random(0,3)}")).asyncDelayed()
                .process(e -> inFlight.decrementAndGet())
                .to("mock:async"));
        MockEndpoint async = getMockEndpoint("mock:async");
        async.expectedMessageCount(300);
        server().as("bob").sendMany("async", 300, "a");
        async.assertIsSatisfied(WAIT.toMillis());
        assertThat(bodies(async)).isEqualTo(texts("a", 300));
        assertThat(overlaps.get()).isZero();
        assertThat(threads).allMatch(t -> t.contains("RocketChatConsumer"));
    }

    @Test
    void aRefusedResubscribeEndsOnlyThatConsumerReportedOnItsDeliveryThread() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=secret&exceptionHandler=#recordingHandler")
                    .routeId("secret").to("mock:secret");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops&exceptionHandler=#recordingHandler")
                    .routeId("ops").to("mock:ops");
        });
        server().as("bob").removeFromRoom("secret", "bot");
        server().faults().dropAllConnections();

        await().atMost(WAIT).until(() -> consumer("secret").status().ended() != null);
        HealthCheck.Result secret = consumer("secret").getHealthCheck().call();
        assertThat(secret.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(secret.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("not-allowed"));
        assertThat(secret.getDetails()).containsKey("rocketchat.consumer.ended");
        await().atMost(WAIT).until(() -> consumer("ops").getHealthCheck().call().getState() == HealthCheck.State.UP);

        MockEndpoint ops = getMockEndpoint("mock:ops");
        ops.expectedBodiesReceived("still here");
        server().as("bob").send("ops", "still here");
        ops.assertIsSatisfied(WAIT.toMillis());
        assertThat(handled).as("reported once").hasSize(1);
        assertThat(handled.get(0)).isInstanceOf(RocketChatException.class);
        assertThat(handlerThreads).singleElement().asString().contains("RocketChatConsumer").doesNotContain("-callbacks");
        assertThat(context.getRouteController().getRouteStatus("secret").isStarted()).as("only the session giving up stops a route")
                .isTrue();
    }

    @Test
    void aBodySharedByTwoRoutesCannotBeChangedByEither() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=shared&messageEvents=updated").routeId("meddler")
                    .process(e -> {
                        ChatMessage m = e.getMessage().getBody(ChatMessage.class);
                        seen.add(m);
                        assertThatThrownBy(() -> m.reactions().clear()).isInstanceOf(UnsupportedOperationException.class);
                        assertThatThrownBy(() -> ((Map<String, Object>) m.reactions().get(":tada:")).put("usernames", List.of()))
                                .isInstanceOf(UnsupportedOperationException.class);
                        assertThatThrownBy(() -> m.other().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
                    })
                    .to("mock:meddler");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=shared&messageEvents=updated").routeId("reader")
                    .process(e -> seen.add(e.getMessage().getBody()))
                    .to("mock:reader");
        });
        MockEndpoint reader = getMockEndpoint("mock:reader");
        reader.expectedMessageCount(1);
        MockEndpoint meddler = getMockEndpoint("mock:meddler");
        meddler.expectedMessageCount(1);
        String id = server().as("bob").send("shared", "party");
        server().as("bob").react(id, ":tada:", true);
        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        assertThat(meddler.getExchanges().get(0).getException()).isNull();
        ChatMessage read = reader.getExchanges().get(0).getMessage().getBody(ChatMessage.class);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isSameAs(seen.get(1));
        assertThat((Map<String, Object>) read.reactions().get(":tada:")).containsEntry("usernames", List.of("bob"));
    }
}
