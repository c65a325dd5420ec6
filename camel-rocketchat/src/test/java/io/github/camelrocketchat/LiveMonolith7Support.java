package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.RoomRole;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Against a Rocket.Chat 7 server ({@code MONOLITH_7} = 7.10, {@code MONOLITH_7_0} = 7.0.0), with {@code transport=auto}:
 * what both 7.x versions share ({@code deleteMessage} over REST since 7.0, {@code setReaction} and {@code getRoomRoles}
 * still over DDP until 8.0), and, per subclass, the {@code sendMessage} boundary between 7.0 and 7.1. Each subclass
 * gives the server; the data is the same.
 */
abstract class LiveMonolith7Support extends LiveTestSupport {

    /** Users and rooms of every 7.x test class. */
    static void data(RocketChatTestServer server) {
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
        // bots lack delete-own-message by default; a moderator may delete any message of the room
        server.setRoomRole("ops", "bot", "moderator");
    }

    String uri(String method, String options) {
        return "rocketchat:" + method + "?" + as("bot", "bot-pass") + (options.isEmpty() ? "" : "&" + options);
    }

    List<RecordedFrame> ddpCalls(String method) {
        return server().frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> method.equals(f.json().path("method").asText())).toList();
    }

    /** The transport choices the bot's session made so far, as its health details show them. */
    Map<String, Object> transports() throws Exception {
        RocketChatEndpoint endpoint = context.getEndpoint(uri("sendMessage", ""), RocketChatEndpoint.class);
        RocketChatSession session = endpoint.sessionRegistry().find(endpoint.sessionSettings().key());
        Map<String, Object> out = new LinkedHashMap<>();
        session.describe().forEach((k, v) -> {
            if (k.startsWith("rocketchat.transport.")) {
                out.put(k.substring("rocketchat.transport.".length()), v);
            }
        });
        return out;
    }

    @Test
    void deleteMessageGoesOverRestChatDelete() throws Exception {
        String id = server().as("bot").send("ops", "to delete");
        try (LogCapture log = new LogCapture()) {
            Exchange delete = call(uri("deleteMessage", "roomName=ops"), id);

            assertThat(delete.getException()).isNull();
            assertThat(delete.getMessage().getBody()).isEqualTo(new DeletedMessage(server().roomId("ops"), id));
            assertThat(server().messageText(id)).isNull();
            assertThat(ddpCalls("deleteMessage")).as("the DDP method is gone since 7.0: never tried").isEmpty();
            assertThat(transports()).containsEntry("deleteMessage", "rest");
            assertThat(log.lines()).filteredOn(l -> l.contains("deleteMessage goes over REST chat.delete"))
                    .singleElement().satisfies(l -> assertThat(l).contains("Rocket.Chat " + server().dialect().version()));
        }
    }

    @Test
    void setReactionAndGetRoomRolesStayOnDdp() throws Exception {
        String id = server().as("bob").send("ops", "react to me");

        Exchange react = call(uri("setReaction", ""), ":rocket:", RocketChatConstants.MESSAGE_ID, id);
        assertThat(react.getException()).isNull();
        Exchange roles = call(uri("getRoomRoles", "roomName=ops"), null);
        assertThat(roles.getException()).isNull();

        assertThat(ddpCalls("setReaction")).singleElement().satisfies(f ->
                assertThat(f.json().path("params").toString()).isEqualTo("[\":rocket:\",\"" + id + "\"]"));
        assertThat(ddpCalls("getRoomRoles")).hasSize(1);
        assertThat(transports()).containsEntry("setReaction", "ddp").containsEntry("getRoomRoles", "ddp");
        Exchange history = call(uri("loadHistory", "roomName=ops&limit=1"), null);
        @SuppressWarnings("unchecked")
        List<ChatMessage> last = history.getMessage().getBody(List.class);
        assertThat(last).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.reactions()).containsKey(":rocket:");
        });
        @SuppressWarnings("unchecked")
        List<RoomRole> list = roles.getMessage().getBody(List.class);
        assertThat(list).anySatisfy(r -> {
            assertThat(r.user().username()).isEqualTo("bob");
            assertThat(r.roles()).contains("owner");
        }).anySatisfy(r -> {
            assertThat(r.user().username()).isEqualTo("bot");
            assertThat(r.roles()).contains("moderator");
        });
    }

    /** Sends a message with alias, emoji and an attachment, then a plain one; returns the first's stored message. */
    ChatMessage sendWithRestFeaturesThenPlain() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("msg", "deployed");
        card.put("attachments", List.of(Map.of("title", "Build 42", "text", "green")));
        Exchange rich = call(uri("sendMessage", "roomName=ops&alias=Deploy+Bot&emoji=:rocket:"), card);
        assertThat(rich.getException()).isNull();
        ChatMessage m = rich.getMessage().getBody(ChatMessage.class);
        assertThat(m.alias()).isEqualTo("Deploy Bot");
        assertThat(m.emoji()).isEqualTo(":rocket:");
        assertThat(m.attachments()).hasSize(1);
        assertThat(server().messageText(m.id())).isEqualTo("deployed");
        Exchange plain = call(uri("sendMessage", "roomName=ops"), "plain");
        assertThat(plain.getException()).isNull();
        assertThat(ddpCalls("sendMessage")).extracting(f -> f.json().path("params").path(0).path("msg").asText()).contains("plain");
        return m;
    }
}
