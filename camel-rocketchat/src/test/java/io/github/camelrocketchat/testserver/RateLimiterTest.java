package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Rocket.Chat's DDP rate limiter on virtual time (reference F.3, B.7). */
class RateLimiterTest extends ServerTestSupport {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.rateLimiter(true);
    }

    @Test
    void perConnectionPerMethodTenInTenSeconds() {
        RawDdpClient c = as("alice");
        for (int i = 0; i < 10; i++) {
            assertThat(c.result("h" + i, "getRoomIdByNameOrId", "general").has("error")).isFalse();
        }
        clock.advance(Duration.ofMillis(3157));
        JsonNode limited = c.result("x", "getRoomIdByNameOrId", "general");
        assertFrame("{\"msg\":\"result\",\"id\":\"x\",\"error\":{\"isClientSafe\":true,\"error\":\"too-many-requests\","
                + "\"reason\":\"Error, too many requests. Please slow down. You must wait 7 seconds before trying again.\","
                + "\"details\":{\"timeToReset\":6843},\"message\":\"Error, too many requests. Please slow down. You must wait "
                + "7 seconds before trying again. [too-many-requests]\",\"errorType\":\"Meteor.Error\"}}", limited);
        clock.advance(Duration.ofMillis(6844));
        assertThat(c.result("y", "getRoomIdByNameOrId", "general").has("error")).isFalse();
    }

    @Test
    void sendMessageFivePerSecondForUsersButNotBots() {
        RawDdpClient c = as("alice");
        for (int i = 0; i < 5; i++) {
            assertThat(c.result("s" + i, "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"m" + i + "\"}")).has("result")).isTrue();
        }
        assertThat(error(c.result("s5", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"m\"}")))).isEqualTo("too-many-requests");
        clock.advance(Duration.ofMillis(1001));
        assertThat(c.result("s6", "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"m\"}")).has("result")).isTrue();
        server.addUser("robot", "pw-robot", "Robot", "bot");
        RawDdpClient bot = as("robot");
        for (int i = 0; i < 8; i++) {
            assertThat(bot.result("b" + i, "sendMessage", obj("{\"rid\":\"GENERAL\",\"msg\":\"b\"}")).has("error")).isFalse();
        }
    }

    @Test
    void streamMethodsGetFortyInFortySeconds() {
        RawDdpClient c = as("alice");
        for (int i = 0; i < 40; i++) {
            assertThat(c.result("t" + i, "stream-notify-room", "GENERAL/user-activity", "alice", new String[0]).has("error"))
                    .isFalse();
        }
        JsonNode limited = c.result("t40", "stream-notify-room", "GENERAL/user-activity", "alice", new String[0]);
        assertThat(limited.path("error").path("details").path("timeToReset").asLong()).isEqualTo(40_000);
    }

    @Test
    void loginLimitedWhenLoggedOutAndSubscriptionsLimitedWithNosub() {
        RawDdpClient c = client();
        for (int i = 0; i < 5; i++) {
            assertThat(reason(c.login("alice", "wrong"))).startsWith("Something went wrong");
        }
        assertThat(error(c.login("alice", "pw-alice"))).isEqualTo("too-many-requests");
        RawDdpClient s = as("bob");
        for (int i = 0; i < 40; i++) {
            assertThat(s.sub("s" + i, "stream-notify-all", "public-settings-changed", false).get("msg").asText()).isEqualTo("ready");
        }
        JsonNode nosub = s.sub("s40", "stream-notify-all", "public-settings-changed", false);
        assertThat(nosub.get("msg").asText()).isEqualTo("nosub");
        assertThat(error(nosub)).isEqualTo("too-many-requests");
    }

    @Test
    void createDirectMessageTenPerMinute() {
        RawDdpClient c = as("alice");
        server.setRateLimiterEnabled(true);
        for (int i = 0; i < 10; i++) {
            c.result("d" + i, "createDirectMessage", "bob");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(error(c.result("d10", "createDirectMessage", "bob"))).isEqualTo("too-many-requests");
        server.setRateLimiterEnabled(false);
        assertThat(c.result("d11", "createDirectMessage", "bob").has("error")).isFalse();
    }
}
