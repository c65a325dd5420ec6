package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code toD} over many rooms: the room travels as a header for the one send ({@link RocketChatSendDynamicAware}), so
 * one endpoint and one producer serve every room, and the exchange's headers are as they were afterwards.
 */
class LiveDynamicRoomsTest extends LiveTestSupport {
    static final int ROOMS = 200;

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass");
        IntStream.rangeClosed(1, ROOMS).forEach(i -> server.createChannel("dyn-" + i, "bot"));
        server.createChannel("fixed", "bot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    private List<Endpoint> rocketChatEndpoints() {
        return context.getEndpoints().stream().filter(e -> e instanceof RocketChatEndpoint).toList();
    }

    @Test
    void twoHundredRoomsThroughToDShareOneEndpointAndOneProducer() throws Exception {
        routes(b -> b.from("direct:dyn").toD("rocketchat:sendMessage?roomName=${header.room}&" + as("bot", "bot-pass")));
        for (int i = 1; i <= ROOMS; i++) {
            Exchange ex = call("direct:dyn", "hello " + i, "room", "dyn-" + i);
            assertThat(ex.getException()).isNull();
            assertThat(ex.getMessage().getBody(ChatMessage.class).roomId()).isEqualTo(server().roomId("dyn-" + i));
            assertThat(ex.getMessage().getHeader(RocketChatConstants.ROOM_NAME)).as("the room header is removed again").isNull();
        }
        for (int i = 1; i <= ROOMS; i++) {
            assertThat(server().messageTexts("dyn-" + i)).containsExactly("hello " + i);
        }
        assertThat(rocketChatEndpoints()).hasSize(1);
        assertThat(rocketChatEndpoints().get(0).getEndpointUri()).doesNotContain("roomName");
        assertThat(context.getComponent("rocketchat", RocketChatComponent.class).getSessionRegistry().size()).isEqualTo(1);
    }

    @Test
    void aRoomHeaderOnTheExchangeWinsAsItWouldOverTheEndpointOption() throws Exception {
        routes(b -> b.from("direct:given").toD("rocketchat:sendMessage?roomName=${header.room}&" + as("bot", "bot-pass")));
        Exchange ex = call("direct:given", "to the header's room", "room", "dyn-1",
                RocketChatConstants.ROOM_ID, server().roomId("fixed"));
        assertThat(ex.getException()).isNull();
        assertThat(server().messageTexts("fixed")).containsExactly("to the header's room");
        assertThat(ex.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(server().roomId("fixed"));
    }
}
