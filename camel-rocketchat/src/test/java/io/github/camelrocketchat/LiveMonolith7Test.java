package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rocket.Chat 7.10 ({@code MONOLITH_7}): past the 7.1 boundary, {@code sendMessage} with alias, emoji or attachments goes over REST. */
class LiveMonolith7Test extends LiveMonolith7Support {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.dialect(Dialect.MONOLITH_7));

    @BeforeAll
    static void data() {
        data(rocketChat.server());
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @Test
    void aliasEmojiAndAttachmentsGoOverRestSendMessageAndPlainMessagesOverDdp() throws Exception {
        try (LogCapture log = new LogCapture()) {
            sendWithRestFeaturesThenPlain();

            assertThat(ddpCalls("sendMessage")).as("7.1+ answers 400 Match failed to these keys: never tried over DDP")
                    .noneMatch(f -> f.json().path("params").path(0).has("alias"));
            assertThat(transports()).containsEntry("sendMessage+rest-features", "rest").containsEntry("sendMessage", "ddp");
            assertThat(log.lines()).filteredOn(l -> l.contains("sendMessage+rest-features goes over REST chat.sendMessage"))
                    .singleElement().satisfies(l -> assertThat(l).contains("Rocket.Chat 7.10.0"));
        }
    }
}
