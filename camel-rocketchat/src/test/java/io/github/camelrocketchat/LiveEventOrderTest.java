package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The component against a server that orders a call's replies and its stream events freely, or sends every stream
 * event twice: neither is promised by DDP or Rocket.Chat (see docs/testing.md). A producer still gets one answer
 * per exchange with the right message, and a room consumer still delivers each message once.
 *
 * <p>"Nothing else arrived" is proven by a marker message sent last: a consumer delivers in stream order, so a
 * duplicate or late event of an earlier message would come before the marker.
 */
class LiveEventOrderTest extends LiveTestSupport {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

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

    @AfterEach
    void normalOrderAgain() {
        server().faults().reorderMethodReplies(false);
        server().faults().duplicateStreamEvents(false);
    }

    private String bot() {
        return as("bot", "bot-pass");
    }

    @Test
    void streamEchoBeforeTheReplies() throws Exception {
        List<Boolean> repliesFirst = sendFiveThroughTheProducerAndSeeEachOnce("order-default");
        assertThat(repliesFirst).containsOnly(false);
    }

    @Test
    void repliesBeforeTheStreamEcho() throws Exception {
        server().faults().reorderMethodReplies(true);
        List<Boolean> repliesFirst = sendFiveThroughTheProducerAndSeeEachOnce("order-replies-first");
        assertThat(repliesFirst).containsOnly(true);
    }

    @Test
    void repliesShuffledAmongTheStreamEvents() throws Exception {
        // this seed puts the result before the echo for some of the five calls and after it for others
        server().faults().shuffleMethodReplies(7);
        List<Boolean> repliesFirst = sendFiveThroughTheProducerAndSeeEachOnce("order-shuffled");
        assertThat(repliesFirst).contains(true, false);
    }

    /**
     * The bot sends five messages through a producer and reads them with a consumer of the same session (so on the
     * socket whose order the fault changes). Returns, per message, whether its {@code result} reached the client
     * before its {@code stream-room-messages} echo.
     */
    private List<Boolean> sendFiveThroughTheProducerAndSeeEachOnce(String room) throws Exception {
        server().createChannel(room, "bob", "bot");
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=" + room + "&skipOwnMessages=false").to("mock:room");
            b.from("direct:send").to("rocketchat:sendMessage?" + bot() + "&roomName=" + room);
        });
        MockEndpoint seen = getMockEndpoint("mock:room");
        List<String> texts = List.of("one", "two", "three", "four", "five");
        seen.expectedBodiesReceived(List.of("one", "two", "three", "four", "five", "marker"));
        List<String> ids = new ArrayList<>();
        for (String text : texts) {
            Exchange sent = call("direct:send", text);
            assertThat(sent.getException()).isNull();
            ChatMessage m = sent.getMessage().getBody(ChatMessage.class);
            assertThat(m.text()).isEqualTo(text);
            assertThat(sent.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(m.id());
            assertThat(server().messageText(m.id())).isEqualTo(text);
            ids.add(m.id());
        }
        server().as("bob").send(room, "marker");

        seen.assertIsSatisfied(10_000);
        assertThat(seen.getExchanges()).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsOnly("created");
        assertThat(seen.getExchanges().subList(0, 5)).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_ID))
                .containsExactlyElementsOf(ids);
        assertThat(server().messageCount(room)).isEqualTo(6);
        return ids.stream().map(this::resultBeforeEcho).toList();
    }

    /** Whether the bot's socket got the {@code result} of the {@code sendMessage} of {@code messageId} before its echo. */
    private boolean resultBeforeEcho(String messageId) {
        RecordedFrame call = server().frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> f.json().path("params").path(0).path("_id").asText().equals(messageId)).findFirst().orElseThrow();
        String callId = call.json().path("id").asText();
        List<RecordedFrame> out = server().frames().of(call.connectionId()).stream()
                .filter(f -> f.direction() == RecordedFrame.Direction.OUT).toList();
        int result = indexOf(out, f -> "result".equals(f.msg()) && callId.equals(f.json().path("id").asText()));
        int echo = indexOf(out, f -> "changed".equals(f.msg()) && "stream-room-messages".equals(f.json().path("collection").asText())
                && f.json().path("fields").path("args").path(0).path("_id").asText().equals(messageId));
        return result < echo;
    }

    private static int indexOf(List<RecordedFrame> frames, java.util.function.Predicate<RecordedFrame> p) {
        for (int i = 0; i < frames.size(); i++) {
            if (p.test(frames.get(i))) {
                return i;
            }
        }
        throw new AssertionError("frame not found");
    }

    @Test
    void everyStreamEventTwiceStillGivesEachRoomMessageChangeOnce() throws Exception {
        server().createChannel("dup", "bob", "bot");
        routes(b -> b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=dup").to("mock:room"));
        server().faults().duplicateStreamEvents(true);
        MockEndpoint room = getMockEndpoint("mock:room");
        room.expectedBodiesReceived("hello", "hello, edited", "hello, edited", "last of dup");
        String id = server().as("bob").send("dup", "hello");
        server().as("bob").edit(id, "hello, edited");
        server().as("bob").react(id, ":thumbsup:", true);
        server().as("bob").send("dup", "last of dup");

        room.assertIsSatisfied(10_000);
        assertThat(room.getExchanges()).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsExactly("created", "edited", "updated", "created");
        assertThat(server().frames().withMsg(RecordedFrame.Direction.OUT, "changed").stream()
                .filter(f -> "stream-room-messages".equals(f.json().path("collection").asText()) && f.text().contains("\"last of dup\""))
                .count()).as("the server did send each event twice").isEqualTo(2);
    }

    @Test
    void duplicatedActivityEventsReachTheRouteTwiceButRoomMessagesAndHardDeletionsOnce() throws Exception {
        server().createChannel("dup2", "bob", "bot");
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + bot() + "&roomName=dup2").to("mock:room");
            b.from("rocketchat:stream-notify-room?" + bot() + "&roomName=dup2&event=user-activity").to("mock:activity");
        });
        server().faults().duplicateStreamEvents(true);
        MockEndpoint room = getMockEndpoint("mock:room");
        MockEndpoint activity = getMockEndpoint("mock:activity");
        room.expectedMessageCount(3);
        activity.expectedMessageCount(4);
        String doomed = server().as("bob").send("dup2", "doomed");
        server().as("bob").typing("dup2", true);
        server().as("bob").delete(doomed);
        // markers: what they bring comes after every copy of the events above
        server().as("bob").send("dup2", "marker");
        server().as("bob").activity("dup2", null, "user-recording");

        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, room, activity);
        // an activity carries no state to tell a repeat from a new event, so each copy becomes an exchange
        // (documented in rocketchat-component.adoc, "Event order and duplicate events"); a room consumer delivers its
        // messages once by (_id, _updatedAt) and a hard deletion once by id
        assertThat(room.getExchanges()).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsExactly("created", "deleted", "created");
        DeletedMessage deleted = new DeletedMessage(server().roomId("dup2"), doomed);
        assertThat(room.getExchanges().get(1).getMessage().getBody()).isEqualTo(deleted);
        assertThat(room.getExchanges().get(2).getMessage().getBody(String.class)).isEqualTo("marker");
        assertThat(activity.getExchanges()).extracting(e -> e.getMessage().getBody(UserActivity.class).activities())
                .containsExactly(List.of("user-typing"), List.of("user-typing"), List.of("user-recording"),
                        List.of("user-recording"));
    }
}
