package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static io.github.camelrocketchat.interop.InteropClients.methodError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpDisconnect;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.TestUser;

/** Handshake and every login shape and login error of reference B, per dialect. */
abstract class AbstractLoginInteropTest extends InteropTestBase {

    private static final String AMBIGUOUS = "Something went wrong. Please check your credentials.";

    @Test
    void handshakeGivesASessionAndNoFrameIsDropped() {
        DdpClient c = clients.connected();

        assertThat(c.isConnected()).isTrue();
        assertThat(c.sessionId()).isNotBlank();
        String conn = clients.connectionId(c);
        assertThat(server().frames().of(conn).stream().filter(f -> f.direction() == RecordedFrame.Direction.IN)
                .findFirst().orElseThrow().text())
                .isEqualTo("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
        assertThat(c.badFrameCounts().values()).allMatch(n -> n == 0L);
    }

    @Test
    void passwordLoginByUsernamePublishesTheUserDocument() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.connected();
        List<Map<String, Object>> added = new CopyOnWriteArrayList<>();
        CompletableFuture<String> addedId = new CompletableFuture<>();
        c.onCollection("users", new DdpCollectionListener() {
            @Override
            public void added(String collection, String id, Map<String, Object> fields) {
                added.add(fields);
                addedId.complete(id);
            }
        });

        LoginResult r = await(c.login(LoginRequest.password(alice.username(), InteropClients.password(alice)), null));

        assertThat(r.userId()).isEqualTo(alice.id());
        assertThat(r.token()).isNotBlank();
        assertThat(r.type()).isEqualTo("password");
        assertThat(r.tokenExpires()).isEqualTo(clock().instant().plus(Duration.ofDays(90)));
        if (dialect() == Dialect.DDP_STREAMER) {
            // no merge box in ddp-streamer (reference A.6, G.20): prove the client is idle, then that nothing came
            await(c.call("getRoomIdByNameOrId", List.of("general")));
            assertThat(added).isEmpty();
        } else {
            assertThat(await(addedId)).isEqualTo(alice.id());
            assertThat(added.get(0)).containsEntry("username", alice.username());
        }
    }

    @Test
    void passwordLoginByEmail() {
        TestUser alice = clients.newUser("alice");
        server().setEmail(alice.username(), alice.username() + "@example.com", true);
        DdpClient c = clients.connected();

        LoginResult r = await(c.login(LoginRequest.password(alice.username().toUpperCase() + "@example.com",
                InteropClients.password(alice)), null));

        assertThat(r.userId()).isEqualTo(alice.id());
        assertThat(lastLoginParam()).containsKey("user");
        assertThat(InteropClients.map(lastLoginParam().get("user")).keySet()).containsExactly("email");
    }

    @Test
    void resumeWithTheTokenOfAnEarlierLogin() {
        TestUser alice = clients.newUser("alice");
        LoginResult first = await(clients.connected().login(
                LoginRequest.password(alice.username(), InteropClients.password(alice)), null));

        LoginResult again = await(clients.connected().login(LoginRequest.resume(first.token()), null));

        assertThat(again.userId()).isEqualTo(alice.id());
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(again.type()).isEqualTo("resume");
        assertThat(again.tokenExpires()).isEqualTo(first.tokenExpires());
    }

    @Test
    void resumeWithAServerIssuedToken() {
        TestUser alice = clients.newUser("alice");

        LoginResult r = await(clients.connected().login(LoginRequest.resume(alice.newLoginToken()), null));

        assertThat(r.userId()).isEqualTo(alice.id());
        assertThat(r.type()).isEqualTo("resume");
    }

    @Test
    void personalAccessTokenLogsInThroughResume() {
        TestUser bot = clients.newUser("bot");

        LoginResult r = await(clients.connected().login(LoginRequest.resume(bot.newPersonalAccessToken("ci")), null));

        assertThat(r.userId()).isEqualTo(bot.id());
        assertThat(r.type()).isEqualTo("resume");
        // a PAT has no 'when' stamp: Meteor's expiry is an Invalid Date, {"$date":null} on the wire (reference B.2)
        assertThat(r.tokenExpires()).isNull();
    }

    @Test
    void totpRequiredIsAnsweredWithTheWrapperRetry() {
        TestUser carol = clients.newTotpUser("carol");
        DdpClient c = clients.connected();

        LoginResult r = await(c.login(LoginRequest.password(carol.username(), InteropClients.password(carol)),
                carol::currentTotpCode));

        assertThat(r.userId()).isEqualTo(carol.id());
        assertThat(r.type()).isEqualTo("password");
        Map<String, Object> retry = lastLoginParam();
        assertThat(retry).containsOnlyKeys("totp");
        assertThat(InteropClients.map(retry.get("totp")).keySet()).containsExactly("login", "code");
    }

    @Test
    void totpRequiredWithoutACodeSupplier() {
        TestUser carol = clients.newTotpUser("carol");

        DdpMethodException e = methodError(clients.connected().login(
                LoginRequest.password(carol.username(), InteropClients.password(carol)), null));

        assertThat(e.getError()).isEqualTo("totp-required");
        assertThat(e.getReason()).isEqualTo("TOTP Required");
        assertThat(e.getDetails()).containsEntry("method", "totp");
        assertThat(e.getServerMessage()).isEqualTo("TOTP Required [totp-required]");
        assertThat(e.getMethod()).isEqualTo("login");
    }

    @Test
    void wrongTotpCode() {
        TestUser carol = clients.newTotpUser("carol");

        DdpMethodException e = methodError(clients.connected().login(
                LoginRequest.password(carol.username(), InteropClients.password(carol)), () -> "12345x"));

        assertThat(e.getError()).isEqualTo("totp-invalid");
        assertThat(e.getReason()).isEqualTo("TOTP Invalid");
        assertThat(e.getDetails()).containsEntry("method", "totp");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAmbiguous403() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.connected();

        DdpMethodException wrong = methodError(c.login(LoginRequest.password(alice.username(), "nope"), null));
        DdpMethodException unknown = methodError(c.login(LoginRequest.password("nobody-" + alice.id(), "x"), null));

        for (DdpMethodException e : List.of(wrong, unknown)) {
            assertThat(e.getError()).isInstanceOf(Number.class);
            assertThat(e.getErrorCode()).isEqualTo("403");
            assertThat(e.getReason()).isEqualTo(AMBIGUOUS);
            assertThat(e.getServerMessage()).isEqualTo(AMBIGUOUS + " [403]");
            assertThat(e.getMessage()).doesNotContain("nope");
        }
    }

    @Test
    void repeatedFailuresBlockTheUser() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.connected();
        for (int i = 0; i < InteropServers.FAILED_LOGINS_UNTIL_BLOCK; i++) {
            assertThat(methodError(c.login(LoginRequest.password(alice.username(), "nope"), null)).getErrorCode())
                    .isEqualTo("403");
        }

        DdpMethodException e = methodError(c.login(LoginRequest.password(alice.username(),
                InteropClients.password(alice)), null));

        assertThat(e.getError()).isEqualTo("error-login-blocked-for-user");
        assertThat(e.getReason()).isEqualTo("Login has been temporarily blocked For User");
        assertThat(e.getDetails()).containsEntry("function", "Accounts.validateLoginAttempt");
    }

    @Test
    void deactivatedUser() {
        TestUser dave = clients.newUser("dave");
        server().deactivateUser(dave.username());

        DdpMethodException e = methodError(clients.connected().login(
                LoginRequest.password(dave.username(), InteropClients.password(dave)), null));

        assertThat(e.getError()).isEqualTo("error-user-is-not-activated");
        assertThat(e.getReason()).isEqualTo("User is not activated");
    }

    @Test
    void unknownAndExpiredResumeTokens() {
        TestUser alice = clients.newUser("alice");
        String token = alice.newLoginToken();
        DdpClient c = clients.connected();

        DdpMethodException unknown = methodError(c.login(LoginRequest.resume("not-a-token"), null));
        clock().advance(Duration.ofDays(91));
        DdpMethodException expired = methodError(c.login(LoginRequest.resume(token), null));

        assertThat(unknown.getErrorCode()).isEqualTo("403");
        assertThat(unknown.getReason()).isEqualTo("You've been logged out by the server. Please log in again.");
        assertThat(expired.getErrorCode()).isEqualTo("403");
        assertThat(expired.getReason()).isEqualTo("Your session has expired. Please log in again.");
    }

    @Test
    void malformedAndUnrecognizedLoginRequests() {
        DdpClient c = clients.connected();

        DdpMethodException extraKey = methodError(c.call("login", List.of(Map.of("user", Map.of("username", "a"),
                "password", "p", "remember", true))));
        DdpMethodException unrecognized = methodError(c.call("login", List.of(Map.of("saml", true))));

        assertThat(extraKey.getErrorCode()).isEqualTo("400");
        assertThat(extraKey.getReason()).isEqualTo("Match failed");
        assertThat(unrecognized.getErrorCode()).isEqualTo("400");
        assertThat(unrecognized.getReason()).isEqualTo("Unrecognized options for login request");
    }

    @Test
    void logout() {
        TestUser alice = clients.newUser("alice");
        ConnectionEvents events = new ConnectionEvents();
        DdpClient c = clients.loggedIn(alice);
        c.addConnectionListener(events);
        DdpSubscription logged = c.subscribe("stream-notify-logged",
                List.of("user-status", Map.of("useCollection", false, "args", List.of())), null);
        await(logged.ready());
        CompletableFuture<String> removed = new CompletableFuture<>();
        c.onCollection("users", new DdpCollectionListener() {
            @Override
            public void removed(String collection, String id) {
                removed.complete(id);
            }
        });

        assertThat(await(c.logout())).isNull();

        if (dialect() == Dialect.DDP_STREAMER) {
            // ddp-streamer closes the socket right after the result (reference B.4)
            DdpDisconnect d = await(events.disconnected);
            assertThat(d.requested()).isFalse();
            assertThat(d.closeCode()).isEqualTo(1002);
            assertThat(c.isConnected()).isFalse();
            assertThat(InteropClients.failure(logged.stopped())).isInstanceOf(DdpConnectionClosedException.class);
        } else {
            // monolith: the socket stays; subscriptions re-run for no user, the users document goes
            DdpMethodException e = (DdpMethodException) InteropClients.failure(logged.stopped());
            assertThat(e.getError()).isEqualTo("not-allowed");
            assertThat(await(removed)).isEqualTo(alice.id());
            assertThat(c.isConnected()).isTrue();
            assertThat(events.disconnected).isNotDone();
        }
    }

    /** The single param of the last {@code login} the server received (frames hold digests: never printed). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> lastLoginParam() {
        List<RecordedFrame> logins = server().frames().matching(f -> f.direction() == RecordedFrame.Direction.IN
                && "method".equals(f.msg()) && "login".equals(f.json().path("method").asText()));
        var param = logins.get(logins.size() - 1).json().path("params").path(0);
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(param, Map.class);
    }
}
