package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.ddp.support.FakeScheduler;
import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token renewal with the real DDP client against the test server, on injected time: the server and the session
 * share a {@link TestClock}, and the renewal timer is a {@link FakeScheduler} the test moves with it. A TOTP bot's
 * token is renewed a day before Rocket.Chat's 90-day expiry, on the live socket, with a fresh code; two days later,
 * when the first token has expired, REST calls still go through without another login.
 */
class TokenRenewalLiveTest {
    private static final String PASSWORD = "Renew-Pa55word";
    private final TestClock clock = new TestClock(Instant.parse("2025-06-01T08:00:00Z"));

    @RegisterExtension
    RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.clock(clock));

    /** The fake is not thread-safe: the timer is used by the DDP callback thread, the test moves it. */
    private final FakeScheduler timer = new FakeScheduler();

    private SessionTimer timer() {
        return (delay, task) -> {
            synchronized (timer) {
                return timer.schedule(delay, task);
            }
        };
    }

    private void advance(Duration d) {
        clock.advance(d);
        synchronized (timer) {
            timer.advance(d);
        }
    }

    private long pendingRenewals() {
        synchronized (timer) {
            return timer.pendingCount();
        }
    }

    private long totpLogins(RocketChatTestServer server) {
        return server.frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> "login".equals(f.json().path("method").asText()) && f.json().path("params").path(0).has("totp"))
                .count();
    }

    @Test
    void aTotpBotsTokenIsRenewedADayEarlyOnTheLiveSocketAndOutlivesTheFirstOne() throws Exception {
        RocketChatTestServer server = rocketChat.server();
        server.addUserWithTotp("bot", PASSWORD);
        SessionSettings settings = SessionSettings.of(server.url(), Credentials.password("bot", PASSWORD, server.totpSecret("bot")),
                null, null, Duration.ofSeconds(5), Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofSeconds(5),
                SessionSettings.Reconnect.defaults());
        RocketChatSession session = new RocketChatSession(settings, DdpConnectionFactory.DEFAULT, null, clock, timer());
        try (LogCapture logs = new LogCapture()) {
            session.start().get(10, TimeUnit.SECONDS);
            assertThat(totpLogins(server)).isEqualTo(1);
            assertThat(pendingRenewals()).isEqualTo(1);
            Map<String, String> since = Map.of("roomId", RocketChatTestServer.GENERAL, "lastUpdate", clock.instant().toString());

            advance(Duration.ofDays(89).minusMinutes(1));
            assertThat(totpLogins(server)).isEqualTo(1);
            advance(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> totpLogins(server) == 2 && pendingRenewals() == 1);
            assertThat(server.totalConnections()).as("no reconnect").isEqualTo(1);

            advance(Duration.ofDays(2)); // the first token expired a day ago
            assertThat(session.rest().get("chat.syncMessages", since).get(10, TimeUnit.SECONDS)).containsEntry("success", true);
            assertThat(totpLogins(server)).as("no login after the renewal").isEqualTo(2);
            assertThat(logs.at(Level.INFO)).filteredOn(l -> l.contains("renewing the login token")).singleElement()
                    .satisfies(l -> assertThat(l).contains("it expires at 2025-08-30T08:00"));
            assertThat(session.state()).isEqualTo(SessionState.READY);
        } finally {
            session.close();
        }
    }
}
