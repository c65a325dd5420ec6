package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.consumer.RocketChatConsumer;
import io.github.camelrocketchat.testserver.RateLimits;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Route;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rocket.Chat's rate limiter refuses subscriptions too (by default 40 per stream name per 40 s on one connection).
 * A refused subscription is not the end of a consumer: it is sent again after the server's {@code timeToReset},
 * at start and when a reconnect resubscribes everything at once. The limits here keep Rocket.Chat's shape, scaled
 * down so that the test takes seconds: 8 subscriptions of a stream name per connection per second.
 */
class LiveSubscriptionRateLimitTest extends LiveTestSupport {
    private static final int ROOMS = 20;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.rateLimiter(true)
            .rateLimits(RateLimits.defaults().withPerConnectionPerMethod(2, 250)));

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass");
        server.addUser("bob", "bob-pass");
        for (int i = 0; i < ROOMS; i++) {
            server.createChannel("limited-" + i, "bob", "bot");
        }
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @Test
    void refusedSubscriptionsAreSentAgainAfterTheServersWaitAtStartAndAfterAReconnect() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            ids.add(server().roomId("limited-" + i));
        }
        routes(b -> {
            for (int i = 0; i < ROOMS; i++) {
                b.from("rocketchat:stream-room-messages?" + as("bot", "bot-pass") + LiveReconnectTest.FAST_RECONNECT + "&roomId="
                        + ids.get(i) + "&messageEvents=created").routeId("limited-" + i).to("mock:rooms");
            }
        });
        assertThat(refusedSubscriptions()).as("the limiter refused some at start").isPositive();
        assertThat(everyConsumerReady()).isTrue();

        MockEndpoint rooms = getMockEndpoint("mock:rooms");
        rooms.expectedMessageCount(ROOMS);
        for (int i = 0; i < ROOMS; i++) {
            server().as("bob").send("limited-" + i, "hello " + i);
        }
        rooms.assertIsSatisfied(WAIT.toMillis());

        // a reconnect resubscribes all 20 at once: the limiter refuses most, and each comes back after its wait
        long refusedBefore = refusedSubscriptions();
        rooms.reset();
        rooms.expectedMessageCount(ROOMS);
        server().faults().refuseConnections();
        server().faults().dropAllConnections();
        for (int i = 0; i < ROOMS; i++) {
            server().as("bob").send("limited-" + i, "while away " + i);
        }
        server().faults().acceptConnections();
        rooms.assertIsSatisfied(WAIT.toMillis());
        assertThat(refusedSubscriptions()).as("refused again at the resubscribe").isGreaterThan(refusedBefore);
        await().atMost(WAIT).until(this::everyConsumerReady);
        assertThat(rooms.getExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .allMatch(text -> text.startsWith("while away "));
    }

    private long refusedSubscriptions() {
        return server().frames().withMsg(RecordedFrame.Direction.OUT, "nosub").stream()
                .filter(f -> f.text().contains("too-many-requests")).count();
    }

    private boolean everyConsumerReady() {
        for (Route r : context.getRoutes()) {
            if (r.getConsumer() instanceof RocketChatConsumer c && !"ready".equals(c.subscriptionState())) {
                return false;
            }
        }
        return true;
    }
}
