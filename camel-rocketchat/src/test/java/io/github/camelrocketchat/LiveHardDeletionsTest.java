package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hard deletions ({@code stream-notify-room} {@code <rid>/deleteMessage} and {@code <rid>/deleteMessageBulk}) reach a
 * {@code stream-room-messages} consumer of the room, over subscriptions counted on the test server.
 */
class LiveHardDeletionsTest extends LiveTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
    }

    private String bot() {
        return as("bot", "bot-pass");
    }

    private int deletionSubscriptions(String rid) {
        return server().subscriptionCount("stream-notify-room", rid + "/deleteMessage")
                + server().subscriptionCount("stream-notify-room", rid + "/deleteMessageBulk");
    }

    @Test
    void hardAndBulkDeletesArriveOnTheRoomConsumerAfterTheMessages() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops").to("mock:ops"));
        String rid = server().roomId("ops");
        MockEndpoint ops = getMockEndpoint("mock:ops");
        ops.expectedHeaderValuesReceivedInAnyOrder(RocketChatConstants.MESSAGE_EVENT,
                "created", "created", "created", "deleted", "deleted", "deleted");
        String one = server().as("bob").send("ops", "one");
        String two = server().as("bob").send("ops", "two");
        String three = server().as("bob").send("ops", "three");
        server().as("bob").delete(one);
        server().emitDeleteMessageBulk("ops", List.of(two, three));
        ops.assertIsSatisfied(WAIT.toMillis());

        List<Exchange> got = ops.getExchanges();
        assertThat(got.subList(0, 3)).extracting(e -> e.getMessage().getBody(ChatMessage.class).text())
                .containsExactly("one", "two", "three");
        assertThat(got.subList(3, 6)).extracting(e -> e.getMessage().getBody())
                .containsExactly(new DeletedMessage(rid, one), new DeletedMessage(rid, two), new DeletedMessage(rid, three));
        assertThat(got.subList(3, 6)).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT)).isEqualTo("deleted");
            assertThat(e.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(rid);
            assertThat(e.getMessage().getHeader(RocketChatConstants.STREAM)).isEqualTo("stream-notify-room");
        });
        assertThat(got.subList(3, 6)).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_ID))
                .containsExactly(one, two, three);
        assertThat(got.get(3).getMessage().getHeader(RocketChatConstants.EVENT_NAME)).isEqualTo(rid + "/deleteMessage");
        assertThat(got.get(4).getMessage().getHeader(RocketChatConstants.EVENT_NAME)).isEqualTo(rid + "/deleteMessageBulk");
        assertThat(server().messageText(one)).isNull();
    }

    @Test
    void withoutDeletedInMessageEventsTheDeletionStreamsAreNotSubscribed() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL&messageEvents=created,edited")
                .to("mock:general"));
        MockEndpoint general = getMockEndpoint("mock:general");
        general.expectedBodiesReceived("gone", "kept");
        String gone = server().as("bob").send("general", "gone");
        server().as("bob").delete(gone);
        // a deletion, were it delivered, would arrive before this later message
        server().as("bob").send("general", "kept");
        general.assertIsSatisfied(WAIT.toMillis());
        assertThat(server().subscriptionCount("stream-room-messages", "GENERAL")).isEqualTo(1);
        assertThat(deletionSubscriptions("GENERAL")).isZero();
        assertThat(general.getExchanges()).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsOnly("created");
    }

    @Test
    void twoRoomConsumersShareTheDeletionSubscriptions() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops").routeId("a").to("mock:a");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops&messageEvents=deleted").routeId("b").to("mock:b");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=__my_messages__").routeId("mine").to("mock:mine");
        });
        String rid = server().roomId("ops");
        assertThat(server().connectionCount()).isEqualTo(1);
        assertThat(server().subscriptionCount("stream-room-messages", rid)).isEqualTo(1);
        assertThat(server().subscriptionCount("stream-notify-room", rid + "/deleteMessage")).isEqualTo(1);
        assertThat(server().subscriptionCount("stream-notify-room", rid + "/deleteMessageBulk")).isEqualTo(1);
        assertThat(server().subscriptionCount("stream-notify-room")).as("__my_messages__ adds none").isEqualTo(2);

        MockEndpoint a = getMockEndpoint("mock:a");
        a.expectedHeaderValuesReceivedInAnyOrder(RocketChatConstants.MESSAGE_EVENT, "created", "deleted");
        String id = server().as("bob").send("ops", "short-lived");
        MockEndpoint onlyDeletions = getMockEndpoint("mock:b");
        onlyDeletions.expectedBodiesReceived(new DeletedMessage(rid, id));
        server().as("bob").delete(id);
        MockEndpoint.assertIsSatisfied(WAIT.toSeconds(), TimeUnit.SECONDS, a, onlyDeletions);

        // one consumer leaves: the deletion subscriptions stay for the other; the last one out ends them
        context.getRouteController().stopRoute("b");
        assertThat(deletionSubscriptions(rid)).isEqualTo(2);
        context.getRouteController().stopRoute("a");
        await().atMost(WAIT).until(() -> deletionSubscriptions(rid) == 0);
        assertThat(server().subscriptionCount("stream-room-messages", rid)).isZero();
    }
}
