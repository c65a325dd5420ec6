package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rocket.Chat 7.0.0 ({@code MONOLITH_7_0}): before the 7.1 boundary, {@code sendMessage} still takes alias, emoji and attachments over DDP. */
class LiveMonolith70Test extends LiveMonolith7Support {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.dialect(Dialect.MONOLITH_7_0));

    @BeforeAll
    static void data() {
        data(rocketChat.server());
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @Test
    void aliasEmojiAndAttachmentsStayOnDdpSendMessage() throws Exception {
        try (LogCapture log = new LogCapture()) {
            ChatMessage sent = sendWithRestFeaturesThenPlain();

            assertThat(ddpCalls("sendMessage")).filteredOn(f -> f.json().path("params").path(0).path("_id").asText()
                    .equals(sent.id())).singleElement().satisfies(f -> {
                        assertThat(f.json().path("params").path(0).path("alias").asText()).isEqualTo("Deploy Bot");
                        assertThat(f.json().path("params").path(0).path("emoji").asText()).isEqualTo(":rocket:");
                        assertThat(f.json().path("params").path(0).path("attachments").size()).isEqualTo(1);
                    });
            assertThat(transports()).containsEntry("sendMessage+rest-features", "ddp").containsEntry("sendMessage", "ddp");
            assertThat(log.lines()).filteredOn(l -> l.contains("sendMessage+rest-features goes over the DDP method"))
                    .singleElement().satisfies(l -> assertThat(l).contains("Rocket.Chat 7.0.0"));
        }
    }
}
