package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.Room;
import io.github.camelrocketchat.model.RoomRole;
import io.github.camelrocketchat.model.RoomSubscription;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Producers against the test server in its default dialect (MONOLITH_8, Rocket.Chat 8): every method family, with
 * the operations 8.x moved to REST going there under {@code transport=auto}.
 */
class LiveProducerTest extends LiveTestSupport {

    /** Moved by hand where message order must not hang on timestamps of the same millisecond. */
    static final TestClock CLOCK = new TestClock(Instant.now());

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.clock(CLOCK));

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
        // bots lack delete-own-message by default; a moderator may delete any message of the room
        server.setRoomRole("ops", "bot", "moderator");
        server.createChannel("open", "bob");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    private String bot() {
        return as("bot", "bot-pass");
    }

    private String uri(String method, String options) {
        return "rocketchat:" + method + "?" + bot() + (options.isEmpty() ? "" : "&" + options);
    }

    private static List<RecordedFrame> ddpCalls(RocketChatTestServer server, String method) {
        return server.frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> method.equals(f.json().path("method").asText())).toList();
    }

    @Test
    void sendMessageTakesAStringAChatMessageOrAMap() {
        String ops = server().roomId("ops");
        Exchange byName = call(uri("sendMessage", "roomName=ops"), "by room name");
        assertThat(byName.getException()).isNull();
        ChatMessage sent = byName.getMessage().getBody(ChatMessage.class);
        assertThat(sent.text()).isEqualTo("by room name");
        assertThat(sent.roomId()).isEqualTo(ops);
        String id = byName.getMessage().getHeader(RocketChatConstants.MESSAGE_ID, String.class);
        assertThat(id).isEqualTo(sent.id());
        assertThat(server().messageText(id)).isEqualTo("by room name");
        assertThat(byName.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(ops);

        Exchange byHeader = call(uri("sendMessage", ""), "by room id header", RocketChatConstants.ROOM_ID, ops);
        assertThat(server().messageText(byHeader.getMessage().getHeader(RocketChatConstants.MESSAGE_ID, String.class)))
                .isEqualTo("by room id header");

        Exchange record = call(uri("sendMessage", ""), ChatMessage.ofText(ops, "as a ChatMessage"));
        assertThat(server().messageText(record.getMessage().getHeader(RocketChatConstants.MESSAGE_ID, String.class)))
                .isEqualTo("as a ChatMessage");

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rid", ops);
        doc.put("msg", "as a Map");
        Exchange map = call(uri("sendMessage", ""), doc);
        assertThat(server().messageText(map.getMessage().getHeader(RocketChatConstants.MESSAGE_ID, String.class)))
                .isEqualTo("as a Map");

        Exchange reply = call(uri("sendMessage", "roomName=ops&threadId=" + id), "in the thread");
        assertThat(reply.getMessage().getBody(ChatMessage.class).threadId()).isEqualTo(id);
        assertThat(reply.getMessage().getHeader(RocketChatConstants.THREAD_ID)).isEqualTo(id);
    }

    @Test
    void aliasEmojiAvatarAndAttachmentsGoThroughRestSendMessageWithTheClientId() throws Exception {
        String uri = uri("sendMessage", "roomName=ops&alias=Deploy+Bot&emoji=:rocket:");
        try (io.github.camelrocketchat.ddp.support.LogCapture log = new io.github.camelrocketchat.ddp.support.LogCapture()) {
            Exchange first = call(uri, "deployed");
            assertThat(first.getException()).isNull();
            ChatMessage m = first.getMessage().getBody(ChatMessage.class);
            assertThat(m.alias()).isEqualTo("Deploy Bot");
            assertThat(m.emoji()).isEqualTo(":rocket:");
            assertThat(server().messageText(m.id())).isEqualTo("deployed");

            Map<String, Object> withAttachment = new LinkedHashMap<>();
            withAttachment.put("msg", "with a card");
            withAttachment.put("attachments", List.of(Map.of("title", "Build 42", "text", "green")));
            Exchange second = call(uri("sendMessage", "roomName=ops"), withAttachment);
            assertThat(second.getException()).isNull();
            assertThat(second.getMessage().getBody(ChatMessage.class).attachments()).hasSize(1);

            // plain messages stay on DDP
            call(uri("sendMessage", "roomName=ops"), "plain");
            assertThat(ddpCalls(server(), "sendMessage")).extracting(f -> f.json().path("params").path(0).path("msg").asText())
                    .contains("plain").doesNotContain("deployed", "with a card");
            assertThat(log.lines()).filteredOn(l -> l.contains("sendMessage+rest-features goes over REST chat.sendMessage"))
                    .hasSize(1);
        }
    }

    @Test
    void updateAndDeleteAMessage() {
        String id = server().as("bot").send("ops", "first draft");
        Exchange update = call(uri("updateMessage", "roomName=ops"), "final text", RocketChatConstants.MESSAGE_ID, id);
        assertThat(update.getException()).isNull();
        assertThat(server().messageText(id)).isEqualTo("final text");
        assertThat(update.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(id);

        Exchange delete = call(uri("deleteMessage", "roomName=ops"), id);
        assertThat(delete.getException()).isNull();
        assertThat(delete.getMessage().getBody()).isEqualTo(new DeletedMessage(server().roomId("ops"), id));
        assertThat(server().messageText(id)).isNull();
        assertThat(ddpCalls(server(), "deleteMessage")).isEmpty();
    }

    @Test
    void getRoomRolesGoesOverRestRoomsRoles() {
        Exchange roles = call(uri("getRoomRoles", "roomName=ops"), null);
        assertThat(roles.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<RoomRole> list = roles.getMessage().getBody(List.class);
        assertThat(list).anySatisfy(r -> {
            assertThat(r.user().username()).isEqualTo("bob");
            assertThat(r.roles()).contains("owner");
        }).anySatisfy(r -> {
            assertThat(r.user().username()).isEqualTo("bot");
            assertThat(r.roles()).contains("moderator");
        });
        assertThat(ddpCalls(server(), "getRoomRoles")).isEmpty();
    }

    @Test
    void roomsAreCreatedJoinedAndLeft() {
        Exchange channel = call(uri("createChannel", "members=bob"), "release-train");
        assertThat(channel.getException()).isNull();
        Room room = channel.getMessage().getBody(Room.class);
        assertThat(room.type()).isEqualTo("c");
        assertThat(channel.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(server().roomId("release-train"));
        assertThat(channel.getMessage().getHeader(RocketChatConstants.ROOM_NAME)).isEqualTo("release-train");

        Exchange group = call(uri("createPrivateGroup", ""), "secret-ops", RocketChatConstants.MEMBERS, List.of("bob"));
        assertThat(group.getException()).isNull();
        assertThat(group.getMessage().getHeader(RocketChatConstants.ROOM_TYPE)).isEqualTo("p");

        Exchange dm = call(uri("createDirectMessage", ""), "bob");
        assertThat(dm.getException()).isNull();
        assertThat(dm.getMessage().getHeader(RocketChatConstants.ROOM_TYPE)).isEqualTo("d");
        assertThat(dm.getMessage().getHeader(RocketChatConstants.ROOM_ID, String.class)).isNotBlank();

        String open = server().roomId("open");
        Exchange join = call(uri("joinRoom", ""), open);
        assertThat(join.getException()).isNull();
        assertThat(join.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(open);
        Exchange subs = call(uri("subscriptions/get", ""), null);
        @SuppressWarnings("unchecked")
        List<RoomSubscription> mine = subs.getMessage().getBody(List.class);
        assertThat(mine).extracting(RoomSubscription::roomId).contains(open, server().roomId("release-train"),
                server().roomId("secret-ops"), RocketChatTestServer.GENERAL);

        Exchange leave = call(uri("leaveRoom", "roomName=open"), null);
        assertThat(leave.getException()).isNull();
        Exchange rooms = call(uri("rooms/get", ""), null);
        @SuppressWarnings("unchecked")
        List<Room> roomList = rooms.getMessage().getBody(List.class);
        assertThat(roomList).extracting(Room::id).contains(server().roomId("ops")).doesNotContain(open);

        Exchange since = call(uri("rooms/get", ""), CLOCK.instant().minusSeconds(3600));
        assertThat(since.getException()).isNull();
        assertThat(since.getMessage().getBody(List.class)).isNotEmpty();
        assertThat(since.getMessage().getHeader(RocketChatConstants.REMOVED_IDS, List.class)).contains(open);
    }

    @Test
    void historyIsOldestFirstAndMissedMessagesAreLoaded() {
        server().createChannel("history", "bob", "bot");
        Instant before = server().clock().instant().minusSeconds(1);
        for (int i = 1; i <= 5; i++) {
            server().as("bob").send("history", "message " + i);
            CLOCK.advance(Duration.ofSeconds(1));
        }
        Exchange history = call(uri("loadHistory", "roomName=history&limit=3"), null);
        assertThat(history.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<ChatMessage> last3 = history.getMessage().getBody(List.class);
        assertThat(last3).extracting(ChatMessage::text).containsExactly("message 3", "message 4", "message 5");

        Exchange missed = call(uri("loadMissedMessages", "roomName=history"), before);
        assertThat(missed.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<ChatMessage> all = missed.getMessage().getBody(List.class);
        assertThat(all).extracting(ChatMessage::text).containsSubsequence("message 1", "message 2", "message 5");
    }

    @Test
    void genericMethodsTakeAListASingleValueOrNothing() {
        Exchange single = call(uri("getRoomIdByNameOrId", ""), "ops");
        assertThat(single.getException()).isNull();
        assertThat(single.getMessage().getBody()).isEqualTo(server().roomId("ops"));

        Exchange list = call(uri("getRoomByTypeAndName", ""), List.of("c", "ops"));
        assertThat(list.getException()).isNull();
        assertThat(list.getMessage().getBody(Map.class)).containsEntry("_id", server().roomId("ops"));

        Exchange none = call(uri("UserPresence:online", ""), null);
        assertThat(none.getException()).isNull();
        assertThat(ddpCalls(server(), "UserPresence:online")).last()
                .satisfies(f -> assertThat(f.json().path("params").size()).isZero());

        Exchange override = call(uri("sendMessage", "roomName=ops"), "ops", RocketChatConstants.METHOD, "getRoomIdByNameOrId");
        assertThat(override.getException()).isNull();
        assertThat(override.getMessage().getBody()).isEqualTo(server().roomId("ops"));
    }

    @Test
    void methodErrorsAreRocketChatExceptionsOnTheExchange() {
        server().createPrivateGroup("closed", "bob");
        Exchange join = call(uri("joinRoom", ""), server().roomId("closed"));
        assertThat(join.getException()).isExactlyInstanceOf(RocketChatNotAuthorizedException.class);
        RocketChatException e = (RocketChatException) join.getException();
        assertThat(e.getMethod()).isEqualTo("joinRoom");
        assertThat(e.getError()).isEqualTo("error-not-allowed");
        assertThat(e.getReason()).isEqualTo("Not allowed");
        assertThat(e.getDetails()).containsExactlyEntriesOf(Map.of("method", "joinRoom"));
        assertThat(e.getMessage()).contains("joinRoom");

        Exchange duplicate = call(uri("createChannel", ""), "ops");
        assertThat(duplicate.getException()).isExactlyInstanceOf(RocketChatInvalidInputException.class);
        RocketChatException dup = (RocketChatException) duplicate.getException();
        assertThat(dup.getError()).isEqualTo("error-duplicate-channel-name");
        assertThat(dup.getReason()).isEqualTo("A channel with name 'ops' exists");
        assertThat(dup.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("function", "RocketChat.getValidRoomName",
                "channel_name", "ops"));
        assertThat(dup.getMethod()).isEqualTo("createChannel");

        Exchange noId = call(uri("updateMessage", "roomName=ops"), "which one?");
        assertThat(noId.getException()).isInstanceOf(RocketChatInvalidInputException.class)
                .hasMessageContaining(RocketChatConstants.MESSAGE_ID);

        Exchange missingRoom = call(uri("sendMessage", ""), "where to?");
        assertThat(missingRoom.getException()).isInstanceOf(RocketChatInvalidInputException.class)
                .hasMessageContaining("needs a room");

        Exchange noSuchMethod = call(uri("noSuchMethod", ""), null);
        assertThat(noSuchMethod.getException()).isInstanceOf(RocketChatNotFoundException.class)
                .hasMessageContaining("noSuchMethod");
    }

    @Test
    void aReplyAfterTheProducerStoppedStillCompletesTheExchange() throws Exception {
        String ops = server().roomId("ops");
        // a second producer of the same login keeps the shared session open after the first one stops
        Producer keeper = context.getEndpoint(uri("joinRoom", "")).createProducer();
        keeper.start();
        AsyncProducer producer = (AsyncProducer) context.getEndpoint(uri("sendMessage", "roomId=" + ops)).createProducer();
        producer.start();
        // held until the test releases it, after the stop: no machine is slow enough to answer first
        server().faults().delayMethod("sendMessage", Duration.ofHours(1));
        try {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("replied after stop");
            CountDownLatch done = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<String> callbackThread = new java.util.concurrent.atomic.AtomicReference<>();
            assertThat(producer.process(exchange, doneSync -> {
                callbackThread.set(Thread.currentThread().getName());
                done.countDown();
            })).isFalse();
            // the call is on the server before the stop (else the stop could be what keeps it from being sent)
            await().atMost(Duration.ofSeconds(10)).until(() -> ddpCalls(server(), "sendMessage").stream()
                    .anyMatch(f -> f.text().contains("replied after stop")));
            producer.stop();
            assertThat(done.getCount()).as("no reply before the release").isEqualTo(1);

            server().faults().clearMethodDelays();
            server().faults().releaseDelayedMethods();
            assertThat(done.await(10, TimeUnit.SECONDS)).as("callback called").isTrue();
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(ChatMessage.class).text()).isEqualTo("replied after stop");
            // the rest of the route must never run on the DDP callback thread every endpoint of the session shares
            assertThat(callbackThread.get()).doesNotEndWith("-callbacks");
        } finally {
            server().faults().clearMethodDelays();
            server().faults().releaseDelayedMethods();
            keeper.stop();
        }
    }
}
