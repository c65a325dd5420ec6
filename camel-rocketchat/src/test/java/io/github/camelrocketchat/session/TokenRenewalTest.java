package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.support.FakeScheduler;
import io.github.camelrocketchat.ddp.support.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The login token is renewed before it expires, on virtual time (one {@link FakeScheduler} drives the timer and the
 * clock), and at once when the server rejects it mid-session (a REST 401), after which the request is repeated.
 */
class TokenRenewalTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final LoginRequest PASSWORD = Credentials.password("bot", "pw").loginRequest();

    private final FakeScheduler scheduler = new FakeScheduler();
    private final long origin = scheduler.nanoTime();
    /** The scheduler's virtual time as a clock, at {@link #START} now. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return START.plusNanos(scheduler.nanoTime() - origin);
        }
    };
    private final FakeDdpConnection ddp = new FakeDdpConnection();
    private final LoopbackRestServer rest = newRest();
    private RocketChatSession session;

    private static LoopbackRestServer newRest() {
        try {
            return new LoopbackRestServer().answer("/api/v1/chat.syncMessages", 200, "{\"result\":{\"updated\":[],\"deleted\":[]},\"success\":true}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        rest.close();
    }

    private RocketChatSession start(Credentials credentials) throws Exception {
        SessionSettings settings = SessionSettings.of(rest.webSocketUrl(), credentials, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofSeconds(5), SessionSettings.Reconnect.defaults());
        session = new RocketChatSession(settings, ddp::use, null, clock, scheduler::schedule);
        session.start().get(5, TimeUnit.SECONDS);
        return session;
    }

    /** The token the REST client sends now, seen by the server. */
    private String restToken() throws Exception {
        int before = calls().size();
        session.rest().get("chat.syncMessages", Map.of()).get(5, TimeUnit.SECONDS);
        return calls().get(calls().size() - 1).token() + (calls().size() - before > 1 ? " (repeated)" : "");
    }

    /** The REST requests but the session's background {@code /api/info} (asked once after the first login). */
    private java.util.List<LoopbackRestServer.Request> calls() {
        return rest.requests.stream().filter(r -> !r.path().equals("/api/info")).toList();
    }

    @Test
    void aPasswordLoginIsRenewedADayBeforeItsTokenExpiresAndAgainAfterThat() throws Exception {
        ddp.tokenExpires = START.plus(Duration.ofDays(90));
        start(Credentials.password("bot", "pw"));
        assertThat(scheduler.pendingCount()).isEqualTo(1);
        assertThat(restToken()).isEqualTo("token-uid-bot");

        scheduler.advance(Duration.ofDays(89).minusSeconds(1));
        assertThat(ddp.liveLogins).isEmpty();
        ddp.tokenExpires = START.plus(Duration.ofDays(89 + 90)); // what the renewal's login will get
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(ddp.liveLogins).containsExactly(PASSWORD);
        assertThat(restToken()).isEqualTo("token-uid-bot-2");
        assertThat(session.state()).isEqualTo(SessionState.READY);

        // the new token's expiry schedules the next renewal
        scheduler.advance(Duration.ofDays(89).minusSeconds(1));
        assertThat(ddp.liveLogins).hasSize(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(ddp.liveLogins).hasSize(2);
        assertThat(restToken()).isEqualTo("token-uid-bot-3");
    }

    @Test
    void aShortLifeIsRenewedATenthEarly() {
        assertThat(TokenRenewal.delayBefore(START.plus(Duration.ofDays(90)), START)).isEqualTo(Duration.ofDays(89));
        assertThat(TokenRenewal.delayBefore(START.plus(Duration.ofDays(1)), START)).isEqualTo(Duration.ofMinutes(1296));
        assertThat(TokenRenewal.delayBefore(START.minusSeconds(1), START)).isZero();
    }

    @Test
    void aReconnectLoginReschedulesTheRenewalFromItsOwnToken() throws Exception {
        ddp.tokenExpires = START.plus(Duration.ofDays(90));
        start(Credentials.password("bot", "pw"));
        scheduler.advance(Duration.ofDays(10));
        ddp.drop("gone");
        ddp.resumeFailure = FakeDdpConnection.error(403, "Your session has expired. Please log in again.", "login");
        ddp.tokenExpires = clock.instant().plus(Duration.ofDays(90));
        ddp.restore().get(5, TimeUnit.SECONDS);
        assertThat(scheduler.pendingCount()).as("one renewal, of the new token").isEqualTo(1);
        scheduler.advance(Duration.ofDays(89).minusSeconds(1));
        assertThat(ddp.liveLogins).isEmpty();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(ddp.liveLogins).containsExactly(PASSWORD);
    }

    @Test
    void aFailedRenewalIsRetriedAfterOneThenTwoMinutes() throws Exception {
        ddp.tokenExpires = START.plus(Duration.ofDays(90));
        start(Credentials.password("bot", "pw"));
        ddp.loginFailure = FakeDdpConnection.error("error-login-blocked-for-user", "Login has been temporarily blocked For User", "login");
        try (LogCapture logs = new LogCapture()) {
            scheduler.advance(Duration.ofDays(89));
            assertThat(ddp.liveLogins).hasSize(1);
            scheduler.advance(Duration.ofMinutes(1));
            assertThat(ddp.liveLogins).hasSize(2);
            ddp.loginFailure = null;
            scheduler.advance(Duration.ofMinutes(2).minusSeconds(1));
            assertThat(ddp.liveLogins).hasSize(2);
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(ddp.liveLogins).hasSize(3);
            assertThat(logs.at(Level.WARN)).hasSize(2).allSatisfy(l -> assertThat(l).contains("renewing the login token failed",
                    "blocked")).last().satisfies(l -> assertThat(l).contains("in 2 min"));
        }
        assertThat(restToken()).isEqualTo("token-uid-bot-2");
        assertThat(scheduler.pendingCount()).as("the next renewal, of the new token").isEqualTo(1);
    }

    @Test
    void aTokenTheServerRejectsIsRenewedOnceAndTheRequestRepeated() throws Exception {
        start(Credentials.password("bot", "pw"));
        assertThat(scheduler.pendingCount()).as("no expiry given: no timer").isZero();
        rest.acceptToken = t -> !t.equals("token-uid-bot"); // expired, or an admin logged the user out
        CompletableFuture<LoginResult> held = new CompletableFuture<>();
        ddp.liveLoginAnswer = held;
        CompletableFuture<Map<String, Object>> first = session.rest().get("chat.syncMessages", Map.of());
        CompletableFuture<Map<String, Object>> second = session.rest().get("chat.syncMessages", Map.of());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> calls().size() == 2);
        held.complete(null);
        assertThat(first.get(5, TimeUnit.SECONDS)).containsEntry("success", true);
        assertThat(second.get(5, TimeUnit.SECONDS)).containsEntry("success", true);
        assertThat(ddp.liveLogins).as("one renewal for both rejected requests").containsExactly(PASSWORD);
        assertThat(calls()).extracting(LoopbackRestServer.Request::token)
                .containsExactlyInAnyOrder("token-uid-bot", "token-uid-bot", "token-uid-bot-2", "token-uid-bot-2");
        // a request made later with the new token is not rejected: no further login
        assertThat(restToken()).isEqualTo("token-uid-bot-2");
        assertThat(ddp.liveLogins).hasSize(1);
    }

    @Test
    void aTokenLoginIsNeverRenewedAndItsRejectionStands() throws Exception {
        ddp.tokenExpires = START.plus(Duration.ofDays(90));
        start(Credentials.token("uid-bot", "pat-SECRET"));
        assertThat(scheduler.pendingCount()).isZero();
        rest.acceptToken = t -> false;
        assertThatThrownBy(() -> session.rest().get("chat.syncMessages", Map.of()).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("HTTP 401");
        assertThat(ddp.liveLogins).isEmpty();
        assertThat(calls()).hasSize(1);
    }

    @Test
    void closeCancelsTheRenewal() throws Exception {
        ddp.tokenExpires = START.plus(Duration.ofDays(90));
        start(Credentials.password("bot", "pw"));
        session.close();
        assertThat(scheduler.pendingCount()).isZero();
        scheduler.advance(Duration.ofDays(100));
        assertThat(ddp.liveLogins).isEmpty();
        assertThat(List.copyOf(ddp.logins)).containsExactly(PASSWORD);
    }
}
