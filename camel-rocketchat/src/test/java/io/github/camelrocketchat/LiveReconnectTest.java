package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.consumer.ConsumerStatus;
import io.github.camelrocketchat.consumer.RocketChatConsumer;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connections that heal themselves, seen from a room message consumer: across server restarts, a half-open socket
 * and an expired resume token, every message is delivered exactly once and in order; what happened while the client
 * was away (new messages, edits, hard deletions) comes from a gap-fill, marked {@code CamelRocketChatReplayed}.
 */
class LiveReconnectTest extends LiveTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Short backoff; a short connect timeout, since a WebSocket upgrade caught by a restart was seen to hang until it. */
    static final String FAST_RECONNECT = "&reconnectInitialDelay=20&reconnectMaxDelay=200&connectTimeout=3000";

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        for (String room : List.of("ops", "dev", "qa", "away")) {
            server.createChannel(room, "bob", "bot");
        }
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        server().faults().acceptConnections();
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
    }

    private String bot() {
        return as("bot", "bot-pass") + FAST_RECONNECT;
    }

    private RocketChatConsumer consumer(String routeId) {
        return (RocketChatConsumer) context.getRoute(routeId).getConsumer();
    }

    private static List<Object> bodies(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getBody(String.class)).collect(Collectors.toList());
    }

    /** Posts {@code n} messages {@code <prefix>1..n} into a room; returns their texts in posting order. */
    @FunctionalInterface
    interface Poster {
        List<String> post(String room, String prefix, int n);
    }

    /** One server task per batch, one millisecond apart ({@code sendMany}). */
    private List<String> burst(String room, String prefix, int n) {
        server().as("bob").sendMany(room, n, prefix);
        return texts(n, prefix);
    }

    /** One message at a time on the server's clock (times never run ahead of it, so they rise across rooms too). */
    private List<String> oneByOne(String room, String prefix, int n) {
        List<String> out = texts(n, prefix);
        out.forEach(t -> server().as("bob").send(room, t));
        return out;
    }

    /**
     * Twenty rounds of: a batch while connected, a server restart with another batch posted while it happens; the
     * next round starts once the consumer gap-filled after this restart and everything so far arrived, so each
     * restart hits a live subscription.
     */
    private List<String> restartTwentyTimes(String routeId, MockEndpoint mock, List<String> rooms, Poster poster) {
        List<String> sent = new ArrayList<>();
        for (int round = 1; round <= 20; round++) {
            String room = rooms.get(round % rooms.size());
            sent.addAll(poster.post(room, room + "-" + round + "a-", 50));
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> server().faults().restart());
            String other = rooms.get((round + 1) % rooms.size());
            sent.addAll(poster.post(other, other + "-" + round + "b-", 50));
            restart.join();
            int expected = sent.size();
            int restarts = round;
            await().atMost(WAIT).until(() -> consumer(routeId).status().gapFills() >= restarts && mock.getReceivedCounter() >= expected);
        }
        return sent;
    }

    private static List<String> texts(int n, String prefix) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    @Test
    void twentyRestartsDuringASteadyStreamIntoOneRoomDeliverEachMessageOnceAndInOrder() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops&messageEvents=created")
                .routeId("ops").to("mock:ops"));
        MockEndpoint ops = getMockEndpoint("mock:ops");
        List<String> sent = restartTwentyTimes("ops", ops, List.of("ops"), this::burst);

        assertThat(sent).hasSize(2000);
        assertThat(bodies(ops)).isEqualTo(new ArrayList<Object>(sent));
        ConsumerStatus status = consumer("ops").status();
        assertThat(status.gapFills()).isGreaterThanOrEqualTo(20);
        assertThat(status.replayed()).isPositive();
        assertThat(ops.getExchanges()).filteredOn(e -> e.getMessage().getHeader(RocketChatConstants.REPLAYED) != null)
                .hasSize((int) status.replayed());
    }

    @Test
    void twentyRestartsWithMyMessagesAcrossThreeRoomsDeliverEachMessageOnceAndInOrderPerRoom() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=__my_messages__&messageEvents=created")
                .routeId("mine").to("mock:mine"));
        MockEndpoint mine = getMockEndpoint("mock:mine");
        List<String> rooms = List.of("ops", "dev", "qa");
        List<String> sent = restartTwentyTimes("mine", mine, rooms, this::oneByOne);

        List<Object> got = bodies(mine);
        assertThat(got).hasSize(2000).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        // across rooms the order is the server's _updatedAt; within a room it is the posting order
        for (String room : rooms) {
            assertThat(got.stream().filter(t -> ((String) t).startsWith(room + "-")).toList())
                    .isEqualTo(sent.stream().filter(t -> t.startsWith(room + "-")).toList());
        }
        assertThat(mine.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.ROOM_NAME)).isNotNull();
    }

    @Test
    void editsAndHardDeletionsMadeWhileTheClientWasAwayArriveOnceAfterTheReconnect() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=away").routeId("away").to("mock:away"));
        MockEndpoint away = getMockEndpoint("mock:away");
        away.expectedBodiesReceived("one", "two", "three");
        String one = server().as("bob").send("away", "one");
        String two = server().as("bob").send("away", "two");
        server().as("bob").send("away", "three");
        away.assertIsSatisfied(WAIT.toMillis());
        away.reset();

        server().faults().refuseConnections();
        server().faults().dropAllConnections();
        await().atMost(WAIT).until(() -> !consumer("away").getHealthCheck().call().getState().name().equals("UP"));
        server().as("bob").edit(one, "one, edited");
        server().as("bob").delete(two);
        String four = server().as("bob").send("away", "four");
        server().faults().acceptConnections();

        away.expectedMessageCount(3);
        away.setAssertPeriod(300);
        away.assertIsSatisfied(WAIT.toMillis());
        List<Exchange> got = away.getExchanges();
        assertThat(got).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsExactly("edited", "created", "deleted");
        assertThat(got).allSatisfy(e -> assertThat(e.getMessage().getHeader(RocketChatConstants.REPLAYED)).isEqualTo(true));
        assertThat(got.get(0).getMessage().getBody(ChatMessage.class).text()).isEqualTo("one, edited");
        assertThat(got.get(1).getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(four);
        assertThat(got.get(2).getMessage().getBody()).isEqualTo(new DeletedMessage(server().roomId("away"), two));

        away.reset();
        away.expectedBodiesReceived("live again");
        server().as("bob").send("away", "live again");
        away.assertIsSatisfied(WAIT.toMillis());
        assertThat(away.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.REPLAYED)).isNull();
    }

    @Test
    void aHalfOpenSocketIsDetectedWithinPingIntervalPlusTimeoutThenReconnectedAndGapFilled() throws Exception {
        long interval = 300;
        long timeout = 300;
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&pingInterval=" + interval + "&pingTimeout=" + timeout
                + "&roomName=dev&messageEvents=created").routeId("dev").to("mock:dev"));
        MockEndpoint dev = getMockEndpoint("mock:dev");
        dev.expectedBodiesReceived("before");
        server().as("bob").send("dev", "before");
        dev.assertIsSatisfied(WAIT.toMillis());

        // expectations first: the gap-fill may deliver before this thread sees gapFills() move
        dev.reset();
        dev.expectedBodiesReceived("while silent", "after");
        long silentAt = System.nanoTime();
        server().faults().goSilent();
        server().as("bob").send("dev", "while silent");
        // detected, reconnected, logged in again, resubscribed and gap-filled
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> consumer("dev").status().gapFills() >= 1);
        Duration healed = Duration.ofNanos(System.nanoTime() - silentAt);
        // the last frame came at most one interval before the silence; then up to 200 ms of backoff and the handshake
        assertThat(healed).isLessThan(Duration.ofMillis(interval + timeout + 1000));

        await().atMost(WAIT).until(() -> dev.getReceivedCounter() == 1);
        server().as("bob").send("dev", "after");
        dev.assertIsSatisfied(WAIT.toMillis());
        assertThat(dev.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.REPLAYED)).isEqualTo(true);
    }

    @Test
    void anExpiredResumeTokenAtReconnectFallsBackToThePassword() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=qa&messageEvents=created").routeId("qa")
                .to("mock:qa"));
        MockEndpoint qa = getMockEndpoint("mock:qa");
        qa.expectedBodiesReceived("first");
        server().as("bob").send("qa", "first");
        qa.assertIsSatisfied(WAIT.toMillis());

        qa.reset();
        qa.expectedBodiesReceived("while away", "after");
        server().expireLoginTokens("bot");
        server().faults().refuseConnections();
        server().faults().dropAllConnections();
        server().as("bob").send("qa", "while away");
        server().faults().acceptConnections();
        await().atMost(WAIT).until(() -> qa.getReceivedCounter() == 1);
        server().as("bob").send("qa", "after");
        qa.assertIsSatisfied(WAIT.toMillis());
        assertThat(server().loggedInUserIds()).containsExactly(server().userId("bot"));
        assertThat(consumer("qa").getHealthCheck().call().getState().name()).isEqualTo("UP");
    }

    @Test
    void withoutRecoverMissedMessagesAReconnectJustResumesLiveEvents() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=away&messageEvents=created"
                + "&recoverMissedMessages=false").routeId("live-only").to("mock:live-only"));
        MockEndpoint liveOnly = getMockEndpoint("mock:live-only");
        liveOnly.expectedBodiesReceived("before", "after");
        server().as("bob").send("away", "before");
        await().atMost(WAIT).until(() -> liveOnly.getReceivedCounter() == 1);

        server().faults().refuseConnections();
        server().faults().dropAllConnections();
        await().atMost(WAIT).until(() -> !consumer("live-only").getHealthCheck().call().getState().name().equals("UP"));
        server().as("bob").send("away", "while away");
        server().faults().acceptConnections();
        await().atMost(WAIT).until(() -> consumer("live-only").getHealthCheck().call().getState().name().equals("UP"));
        server().as("bob").send("away", "after");
        liveOnly.assertIsSatisfied(WAIT.toMillis());
        assertThat(consumer("live-only").status().gapFills()).isZero();
    }
}
