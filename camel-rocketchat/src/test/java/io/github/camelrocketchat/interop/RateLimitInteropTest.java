package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static io.github.camelrocketchat.interop.InteropClients.failure;
import static io.github.camelrocketchat.interop.InteropClients.methodError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;

/** Rocket.Chat's DDP rate limiter (F.3): {@code too-many-requests} with {@code timeToReset}, for calls and subs. */
class RateLimitInteropTest extends InteropTestBase {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.MONOLITH_8,
            b -> b.rateLimiter(true));

    @Override
    protected RocketChatTestServer server() {
        return RC.server();
    }

    @Test
    void theEleventhCallOfAMethodInTenSecondsIsRefused() {
        DdpClient c = clients.loggedIn(clients.newUser("alice"));
        for (int i = 0; i < 10; i++) {
            assertThat(await(c.call("getRoomIdByNameOrId", List.of("general")))).isEqualTo("GENERAL");
        }

        DdpMethodException e = methodError(c.call("getRoomIdByNameOrId", List.of("general")));

        assertTooManyRequests(e);
    }

    @Test
    void streamSubscriptionsAreLimitedFortyPerFortySeconds() {
        DdpClient c = clients.loggedIn(clients.newUser("bob"));
        for (int i = 0; i < 40; i++) {
            await(c.subscribe("stream-notify-all", List.of("public-settings-changed-" + i, false), null).ready());
        }

        DdpSubscription refused = c.subscribe("stream-notify-all", List.of("public-settings-changed", false), null);

        assertTooManyRequests((DdpMethodException) failure(refused.ready()));
    }

    private static void assertTooManyRequests(DdpMethodException e) {
        assertThat(e.getError()).isEqualTo("too-many-requests");
        assertThat(e.getReason()).startsWith("Error, too many requests. Please slow down. You must wait ")
                .endsWith(" seconds before trying again.");
        assertThat(e.getDetails().get("timeToReset")).isInstanceOf(Number.class);
        long ms = ((Number) e.getDetails().get("timeToReset")).longValue();
        assertThat(ms).isPositive().isLessThanOrEqualTo(40_000);
        assertThat(e.getServerMessage()).endsWith(" [too-many-requests]");
    }
}
