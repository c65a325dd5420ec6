package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.RoomRole;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against a Rocket.Chat 6 server ({@code LEGACY_6}): with {@code transport=auto} the DDP methods newer servers removed
 * are used, and the legacy {@code typing} event is written and read.
 */
class LiveLegacy6Test extends LiveTestSupport {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.dialect(Dialect.LEGACY_6));

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
        // bots lack delete-own-message by default; a moderator may delete any message of the room
        server.setRoomRole("ops", "bot", "moderator");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    private String uri(String method, String options) {
        return "rocketchat:" + method + "?" + as("bot", "bot-pass") + (options.isEmpty() ? "" : "&" + options);
    }

    private List<RecordedFrame> ddpCalls(String method) {
        return server().frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> method.equals(f.json().path("method").asText())).toList();
    }

    @Test
    void aliasAndEmojiGoOverDdpSendMessageAndTheChoiceIsLoggedOnce() {
        try (LogCapture log = new LogCapture()) {
            for (String text : List.of("first", "second")) {
                Exchange sent = call(uri("sendMessage", "roomName=ops&alias=Deploy+Bot&emoji=:rocket:"), text);
                assertThat(sent.getException()).isNull();
                ChatMessage m = sent.getMessage().getBody(ChatMessage.class);
                assertThat(m.alias()).isEqualTo("Deploy Bot");
                assertThat(server().messageText(m.id())).isEqualTo(text);
            }
            assertThat(ddpCalls("sendMessage")).extracting(f -> f.json().path("params").path(0).path("alias").asText())
                    .containsExactly("Deploy Bot", "Deploy Bot");
            assertThat(log.lines()).filteredOn(l -> l.contains("sendMessage+rest-features goes over the DDP method"))
                    .hasSize(1).allSatisfy(l -> assertThat(l).contains("Rocket.Chat 6.13.1"));
        }
    }

    @Test
    void deleteMessageAndGetRoomRolesUseTheDdpMethods() {
        String id = server().as("bot").send("ops", "to delete");
        Exchange delete = call(uri("deleteMessage", ""), id);
        assertThat(delete.getException()).isNull();
        assertThat(delete.getMessage().getBody(DeletedMessage.class).messageId()).isEqualTo(id);
        assertThat(server().messageText(id)).isNull();
        assertThat(ddpCalls("deleteMessage")).hasSize(1);

        Exchange roles = call(uri("getRoomRoles", "roomName=ops"), null);
        assertThat(roles.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<RoomRole> list = roles.getMessage().getBody(List.class);
        assertThat(list).anySatisfy(r -> assertThat(r.roles()).contains("owner"));
        assertThat(ddpCalls("getRoomRoles")).hasSize(1);
    }

    @Test
    void legacyTypingIsSentByOneUserAndReceivedByAnother() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-notify-room?" + as("bob", "bob-pass") + "&roomName=ops&event=typing").to("mock:typing");
            b.from("direct:typing").to(uri("stream-notify-room", "roomName=ops&event=typing"));
        });
        MockEndpoint typing = getMockEndpoint("mock:typing");
        typing.expectedMessageCount(2);
        template.sendBody("direct:typing", true);
        template.sendBody("direct:typing", false);
        typing.assertIsSatisfied(10_000);
        assertThat(ddpCalls("stream-notify-room")).extracting(f -> f.json().path("params").path(0).asText())
                .allSatisfy(e -> assertThat(e).endsWith("/typing"));
        Exchange first = typing.getExchanges().get(0);
        assertThat(first.getMessage().getHeader(RocketChatConstants.USERNAME)).isEqualTo("bot");
        assertThat(first.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(server().roomId("ops"));
        assertThat(first.getMessage().getBody(UserActivity.class).typing()).isTrue();
        assertThat(typing.getExchanges().get(1).getMessage().getBody(UserActivity.class).typing()).isFalse();
    }
}
