package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Room messages against the test server (MONOLITH_8): created, edited, updated (a reaction) and deleted (hard
 * delete event and {@code t:"rm"}) told apart; own messages skipped unless asked; threads; {@code __my_messages__};
 * {@code roomName} resolution and an unknown room name failing the start.
 */
class LiveRoomMessagesTest extends LiveTestSupport {

    /**
     * Never moved: every message, edit and reaction happens in the same millisecond, the hardest case for telling
     * changes from repeats.
     */
    static final TestClock CLOCK = new TestClock(Instant.now());

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.clock(CLOCK));

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
        server.createChannel("dev", "bob", "bot");
        server.createChannel("lobby", "bob");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    private String bot() {
        return as("bot", "bot-pass");
    }

    @Test
    void editsReactionsAndDeletionsAreToldApart() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops").routeId("ops").to("mock:ops");
            b.from("rocketchat:stream-notify-room?" + bot() + "&roomName=ops&event=deleteMessage").to("mock:deleted");
        });
        MockEndpoint ops = getMockEndpoint("mock:ops");
        ops.expectedMessageCount(4);
        MockEndpoint deleted = getMockEndpoint("mock:deleted");
        deleted.expectedMessageCount(1);
        String id = server().as("bob").send("ops", "hello");
        server().as("bob").edit(id, "hello, edited");
        server().as("bob").react(id, ":thumbsup:", true);
        server().as("bob").delete(id);
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, ops, deleted);

        List<Exchange> got = ops.getExchanges();
        assertThat(got).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsExactly("created", "edited", "updated", "deleted");
        Exchange first = got.get(0);
        assertThat(first.getMessage().getBody(ChatMessage.class).text()).isEqualTo("hello");
        assertThat(first.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(server().roomId("ops"));
        assertThat(first.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(id);
        assertThat(first.getMessage().getHeader(RocketChatConstants.USERNAME)).isEqualTo("bob");
        assertThat(first.getMessage().getHeader(RocketChatConstants.USER_ID)).isEqualTo(server().userId("bob"));
        assertThat(first.getMessage().getHeader(RocketChatConstants.STREAM)).isEqualTo("stream-room-messages");
        assertThat(got.get(1).getMessage().getBody(String.class)).isEqualTo("hello, edited");
        assertThat(got.get(1).getMessage().getHeader(RocketChatConstants.EDITED_AT)).isNotNull();
        assertThat(got.get(2).getMessage().getBody(ChatMessage.class).reactions()).containsKey(":thumbsup:");

        Exchange del = deleted.getExchanges().get(0);
        assertThat(del.getMessage().getBody()).isEqualTo(new DeletedMessage(server().roomId("ops"), id));
        assertThat(del.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT)).isEqualTo("deleted");
        assertThat(del.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(id);
        assertThat(server().messageText(id)).isNull();
        // the room consumer gets the same hard deletion (from the same stream-notify-room event)
        assertThat(got.get(3).getMessage().getBody()).isEqualTo(del.getMessage().getBody());
        assertThat(got.get(3).getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(id);
    }

    @Test
    void deletionWithShowDeletedStatusIsADeletedEvent() throws Exception {
        server().setShowDeletedStatus(true);
        try {
            routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=dev&messageEvents=deleted")
                    .to("mock:dev"));
            MockEndpoint dev = getMockEndpoint("mock:dev");
            dev.expectedMessageCount(1);
            String id = server().as("bob").send("dev", "oops");
            server().as("bob").delete(id);
            dev.assertIsSatisfied(10_000);
            Exchange e = dev.getExchanges().get(0);
            assertThat(e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT)).isEqualTo("deleted");
            assertThat(e.getMessage().getHeader(RocketChatConstants.MESSAGE_TYPE)).isEqualTo("rm");
            assertThat(e.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(id);
        } finally {
            server().setShowDeletedStatus(false);
        }
    }

    @Test
    void ownMessagesAreSkippedByDefaultAndDeliveredWhenAsked() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL").to("mock:skipping");
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=GENERAL&skipOwnMessages=false").to("mock:all");
            b.from("direct:send").to("rocketchat:sendMessage?" + bot() + "&roomId=GENERAL");
        });
        MockEndpoint skipping = getMockEndpoint("mock:skipping");
        skipping.expectedBodiesReceived("from bob");
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedBodiesReceived("from the bot", "from bob");
        template.sendBody("direct:send", "from the bot");
        server().as("bob").send("general", "from bob");
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, skipping, all);
        assertThat(all.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.USERNAME)).isEqualTo("bot");
    }

    @Test
    void threadRepliesCarryTheThreadId() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=ops&messageEvents=created")
                .to("mock:thread"));
        MockEndpoint thread = getMockEndpoint("mock:thread");
        thread.expectedBodiesReceived("question", "answer");
        String parent = server().as("bob").send("ops", "question");
        server().as("bob").replyInThread("ops", parent, "answer", false);
        thread.assertIsSatisfied(10_000);
        assertThat(thread.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.THREAD_ID)).isNull();
        assertThat(thread.getExchanges().get(1).getMessage().getHeader(RocketChatConstants.THREAD_ID)).isEqualTo(parent);
        assertThat(thread.getExchanges().get(1).getMessage().getBody(ChatMessage.class).threadId()).isEqualTo(parent);
    }

    @Test
    void myMessagesCoversEveryRoomOfTheUser() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomId=__my_messages__&messageEvents=created")
                .to("mock:mine"));
        MockEndpoint mine = getMockEndpoint("mock:mine");
        mine.expectedBodiesReceived("in ops", "in dev");
        server().as("bob").send("lobby", "in lobby, where the bot is not");
        server().as("bob").send("ops", "in ops");
        server().as("bob").send("dev", "in dev");
        mine.assertIsSatisfied(10_000);
        Exchange first = mine.getExchanges().get(0);
        assertThat(first.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(server().roomId("ops"));
        assertThat(first.getMessage().getHeader(RocketChatConstants.ROOM_NAME)).isEqualTo("ops");
        assertThat(first.getMessage().getHeader(RocketChatConstants.ROOM_TYPE)).isEqualTo("c");
        assertThat(first.getMessage().getHeader(RocketChatConstants.EVENT_NAME)).isEqualTo("__my_messages__");
    }

    @Test
    void anUnknownRoomNameFailsTheStartClearly() {
        assertThatThrownBy(() -> routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=no-such-room")
                .routeId("nowhere").to("mock:nowhere")))
                .hasStackTraceContaining("Cannot resolve roomName 'no-such-room'");
        // the failed start releases the session; the server sees the socket close a moment later
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(server().connectionCount()).isZero());
    }
}
