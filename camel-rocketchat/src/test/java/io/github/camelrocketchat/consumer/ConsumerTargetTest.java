package io.github.camelrocketchat.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.RocketChatConfiguration;
import org.junit.jupiter.api.Test;

class ConsumerTargetTest {

    @Test
    void consumerTargetsComputeTheirEventNames() {
        RocketChatConfiguration c = new RocketChatConfiguration();
        c.setRoomId("GENERAL");
        assertThat(ConsumerTarget.of("stream-room-messages", c).eventName("GENERAL", "u1")).isEqualTo("GENERAL");
        c.setEvent("user-activity");
        assertThat(ConsumerTarget.of("stream-notify-room", c).eventName("GENERAL", "u1")).isEqualTo("GENERAL/user-activity");
        c.setEvent("notification");
        assertThat(ConsumerTarget.of("stream-notify-user", c).eventName(null, "u1")).isEqualTo("u1/notification");
        c.setEvent("user-status");
        assertThat(ConsumerTarget.of("stream-notify-logged", c).eventName(null, "u1")).isEqualTo("user-status");
        c.setEventName("RAW/event");
        assertThat(ConsumerTarget.of("stream-notify-room", c).eventName("GENERAL", "u1")).isEqualTo("RAW/event");
        c.setEventName(null);
        c.setUserIds("u1, u2,,");
        assertThat(ConsumerTarget.of("stream-user-presence", c).userIds()).containsExactly("u1", "u2");
        c.setCollection("users");
        c.setParams("[\"GENERAL\", 50]");
        ConsumerTarget pub = ConsumerTarget.of("userData", c);
        assertThat(pub.kind()).isEqualTo(ConsumerTarget.Kind.PUBLICATION);
        assertThat(pub.params()).containsExactly("GENERAL", 50);
    }

    /** A publication may take a token (livechat's visitor token): bad params are described, never echoed. */
    @Test
    void badParamsNeverEchoTheirText() {
        assertThatThrownBy(() -> ConsumerTarget.parseParams("{\"visitorToken\":\"Tok-SECRET\"}"))
                .hasMessageContaining("params must be a JSON array").hasMessageContaining("got a JSON object")
                .hasMessageNotContaining("Tok-SECRET").hasNoCause();
        assertThatThrownBy(() -> ConsumerTarget.parseParams("[\"R1\", Tok-SECRET]"))
                .hasMessageContaining("params is not valid JSON (at line 1, column").hasMessageContaining("of 18 characters")
                .hasMessageNotContaining("Tok").hasNoCause();
        assertThatThrownBy(() -> ConsumerTarget.parseParams("\"Tok-SECRET\""))
                .hasMessageContaining("got a JSON String").hasMessageNotContaining("Tok-SECRET");
    }
}
