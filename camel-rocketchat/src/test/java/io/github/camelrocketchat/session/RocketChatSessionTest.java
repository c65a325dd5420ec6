package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RocketChatSessionTest {
    /** Nothing listens here: DDP goes through a fake, and the REST client finds the port closed. */
    private final String url = ClosedPort.webSocketUrl();
    private final FakeDdpConnection ddp = new FakeDdpConnection();
    private final List<DdpClientOptions> opened = new CopyOnWriteArrayList<>();
    private LoopbackRestServer rest;

    @AfterEach
    void stopRest() {
        if (rest != null) {
            rest.close();
        }
    }

    private RocketChatSession session(SessionSettings settings) {
        return new RocketChatSession(settings, options -> {
            opened.add(options);
            return ddp.use(options);
        });
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void startConnectsAndLogsInOnceWithTheSettings() throws Exception {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        assertThat(s.state()).isEqualTo(SessionState.NEW);
        get(s.start());
        assertThat(s.start()).isSameAs(s.start());
        assertThat(opened).singleElement().satisfies(o -> {
            assertThat(o.url().toString()).isEqualTo(url);
            assertThat(o.methodTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(o.name()).doesNotContain("pw");
        });
        assertThat(ddp.logins).singleElement().isEqualTo(Credentials.password("bot", "pw").loginRequest());
        assertThat(s.state()).isEqualTo(SessionState.READY);
        assertThat(s.isReady()).isTrue();
        assertThat(s.userId()).isEqualTo("uid-bot");
        assertThat(s.username()).isEqualTo("bot");
        assertThat(s.describe()).containsEntry("rocketchat.session.state", "ready").containsEntry("rocketchat.session.id", "sess-1")
                .containsEntry("rocketchat.server", url);
        assertThat(s.describe().toString()).doesNotContain("pw");
    }

    @Test
    void aFailedLoginFailsTheStartAndTheState() {
        ddp.loginFailure = FakeDdpConnection.error(403, "Something went wrong. Please check your credentials.", "login");
        RocketChatSession s = session(TestSessions.settings(url, "bot", "wrong"));
        assertThatThrownBy(() -> get(s.start())).isInstanceOf(ExecutionException.class).hasMessageContaining("check your credentials");
        assertThat(s.state()).isEqualTo(SessionState.FAILED);
        assertThat(s.describe()).containsKey("rocketchat.session.problem");
        assertThat(s.isReady()).isFalse();
    }

    @Test
    void anUnreachableServerFailsTheStart() {
        // the real client against a closed port: what the OS says about it is not ours to assert, the URL is
        RocketChatSession s = new RocketChatSession(TestSessions.settings(url, "bot", "pw"), DdpConnectionFactory.DEFAULT);
        try {
            assertThatThrownBy(() -> get(s.start())).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(SessionException.class).hasMessageContaining(url)
                    .satisfies(e -> assertThat(((SessionException) e).kind()).isEqualTo(SessionException.Kind.OTHER))
                    .hasCauseInstanceOf(DdpException.class);
            assertThat(s.state()).isEqualTo(SessionState.FAILED);
            assertThat(s.describe()).hasEntrySatisfying("rocketchat.session.problem", p -> assertThat((String) p).contains(url));
        } finally {
            s.close();
        }
    }

    @Test
    void theUsernameOfATokenLoginComesFromThePublishedUserDocument() throws Exception {
        SessionSettings base = TestSessions.settings(url, "ignored", "pw");
        ConnectionKey key = new ConnectionKey(base.key().url(), null, "uid-bot", "token", "h", null);
        SessionSettings token = new SessionSettings(key, base.webSocketUri(), Credentials.token(null, "tok"), null,
                base.connectTimeout(), base.pingInterval(), base.pingTimeout(), base.methodTimeout(), base.reconnect(), base.maxPendingCalls());
        RocketChatSession s = session(token);
        get(s.start());
        assertThat(s.username()).isNull();
        ddp.added("users", "uid-bot", Map.of("username", "the-bot", "name", "The Bot"));
        assertThat(s.username()).isEqualTo("the-bot");
        s.close();
        assertThat(ddp.logouts).as("a token login is never logged out: it would revoke the token").isZero();
        assertThat(ddp.closed).isTrue();
    }

    @Test
    void droppedFramesAreSummedAndInTheHealthDetails() throws Exception {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        assertThat(s.badFrameCount()).as("before start: no client yet").isZero();
        get(s.start());
        assertThat(s.badFrameCount()).isZero();
        assertThat(s.describe()).containsEntry("rocketchat.session.badFrames", 0L);
        ddp.badFrames.put(BadFrameKind.INVALID_JSON, 2L);
        ddp.badFrames.put(BadFrameKind.UNKNOWN_ID, 1L);
        assertThat(s.badFrameCount()).isEqualTo(3L);
        assertThat(s.describe()).containsEntry("rocketchat.session.badFrames", 3L);
    }

    @Test
    void closeLogsOutOfAPasswordLoginAndIsIdempotent() throws Exception {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        get(s.start());
        s.close();
        s.close();
        assertThat(ddp.logouts).isEqualTo(1);
        assertThat(ddp.closed).isTrue();
        assertThat(s.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void aLostConnectionSuspendsTheSessionOnceAndARestoreReadiesItAgain() throws Exception {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        get(s.start());
        List<String> events = new CopyOnWriteArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void onSuspended(String reason) {
                events.add("suspended: " + reason);
            }

            @Override
            public void onRestored(int attempts) {
                events.add("restored after " + attempts);
            }
        });
        ddp.drop("no frame received for 35 s after ping");
        ddp.drop("again");
        assertThat(events).containsExactly("suspended: no frame received for 35 s after ping");
        assertThat(s.state()).isEqualTo(SessionState.RECONNECTING);
        assertThat(s.isReady()).isFalse();
        assertThat(s.status().reconnectAttempt()).isEqualTo(1);
        assertThat(s.describe()).containsEntry("rocketchat.session.problem", "no frame received for 35 s after ping")
                .containsEntry("rocketchat.session.state", "reconnecting");
        get(ddp.restore());
        assertThat(events).containsExactly("suspended: no frame received for 35 s after ping", "restored after 1");
        assertThat(s.state()).isEqualTo(SessionState.READY);
        assertThat(s.status().reconnects()).isEqualTo(1);
        assertThat(ddp.logins).as("the reconnect resumed with the token of the first login")
                .containsExactly(Credentials.password("bot", "pw").loginRequest(), io.github.camelrocketchat.ddp.LoginRequest.resume("token-uid-bot"));
    }

    @Test
    void aRefusedResumeTokenFallsBackToTheCredentials() throws Exception {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        get(s.start());
        ddp.drop("gone");
        ddp.resumeFailure = FakeDdpConnection.error(403, "Your session has expired. Please log in again.", "login");
        get(ddp.restore());
        assertThat(ddp.logins).containsExactly(Credentials.password("bot", "pw").loginRequest(),
                io.github.camelrocketchat.ddp.LoginRequest.resume("token-uid-bot"), Credentials.password("bot", "pw").loginRequest());
        assertThat(s.state()).isEqualTo(SessionState.READY);
    }

    @Test
    void aSessionThatGaveUpFailsCallsAtOnceAndTellsListeners() throws Exception {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        get(s.start());
        List<SessionException> gaveUp = new CopyOnWriteArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void onGaveUp(SessionException error) {
                gaveUp.add(error);
            }
        });
        ddp.drop("gone");
        ddp.giveUp("gave up after 3 attempts");
        assertThat(gaveUp).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.CONNECTION_CLOSED));
        assertThat(s.state()).isEqualTo(SessionState.FAILED);
        assertThatThrownBy(() -> get(s.invoke(RocketChatCall.ddp("joinRoom", List.of("R")), TransportMode.DDP, Duration.ofSeconds(1))))
                .cause().isInstanceOf(SessionException.class).hasMessageContaining("failed").hasMessageContaining("gave up after 3 attempts");
    }

    @Test
    void resolvesRoomNamesOnceAndNamesAnUnknownRoom() throws Exception {
        ddp.responder = call -> "general".equals(call.params().get(0)) ? "GENERAL" : null;
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        get(s.start());
        assertThat(get(s.resolveRoom("#general"))).isEqualTo("GENERAL");
        assertThat(get(s.resolveRoom("general"))).isEqualTo("GENERAL");
        assertThat(ddp.calls("getRoomIdByNameOrId")).hasSize(1);
        assertThatThrownBy(() -> get(s.resolveRoom("nope"))).cause().isInstanceOf(SessionException.class)
                .satisfies(e -> assertThat(((SessionException) e).kind()).isEqualTo(SessionException.Kind.NOT_FOUND))
                .hasMessageContaining("Room 'nope' not found");
        ddp.responder = call -> {
            throw FakeDdpConnection.error("error-not-allowed", "Not allowed", "getRoomIdByNameOrId");
        };
        assertThatThrownBy(() -> get(s.resolveRoom("secret"))).cause().hasMessageContaining("Room 'secret'").hasMessageContaining("Not allowed");
    }

    @Test
    void invokeGoesOverDdpAndFallsBackToRestOnMethodNotFound() throws Exception {
        rest = new LoopbackRestServer()
                .answer("/api/info", 200, "{\"success\":true}")
                .answer("/api/v1/chat.delete", 200, "{\"_id\":\"m1\",\"success\":true}");
        ddp.responder = call -> {
            throw FakeDdpConnection.error(404, "Method 'deleteMessage' not found", "deleteMessage");
        };
        RocketChatSession s = session(TestSessions.settings(rest.webSocketUrl(), "bot", "pw"));
        get(s.start());
        RocketChatCall delete = new RocketChatCall("deleteMessage", List.of(Map.of("_id", "m1")), "chat.delete",
                r -> r.deleteMessage("R1", "m1").thenApply(x -> null), false);
        assertThat(get(s.invoke(delete, TransportMode.AUTO, Duration.ofSeconds(2)))).isNull();
        assertThat(ddp.calls("deleteMessage")).hasSize(1);
        assertThat(rest.requests("/api/v1/chat.delete")).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo("uid-bot");
            assertThat(r.token()).isEqualTo("token-uid-bot");
        });
        // remembered: the next one goes straight to REST
        get(s.invoke(delete, TransportMode.AUTO, Duration.ofSeconds(2)));
        assertThat(ddp.calls("deleteMessage")).hasSize(1);
        assertThat(rest.requests("/api/v1/chat.delete")).hasSize(2);
        assertThat(s.describe()).containsEntry("rocketchat.transport.deleteMessage", "rest");
    }

    @Test
    void invokeUsesTheServerVersionAndMethodCallForRestMode() throws Exception {
        rest = new LoopbackRestServer()
                .answer("/api/info", 200, "{\"version\":\"8.0.0\",\"success\":true}")
                .answer("/api/v1/rooms.roles", 200, "{\"roles\":[{\"rid\":\"R1\",\"roles\":[\"owner\"]}],\"success\":true}")
                .answer("/api/v1/method.call/joinRoom", 200, "{\"message\":\"{\\\"msg\\\":\\\"result\\\",\\\"id\\\":\\\"rest-1\\\",\\\"result\\\":true}\",\"success\":true}");
        ddp.responder = call -> "DDP:" + call.method();
        RocketChatSession s = session(TestSessions.settings(rest.webSocketUrl(), "bot", "pw"));
        get(s.start());
        RocketChatCall roles = new RocketChatCall("getRoomRoles", List.of("R1"), "rooms.roles",
                r -> r.roomRoles("R1").thenApply(x -> x.get("roles")), false);
        assertThat(get(s.invoke(roles, TransportMode.AUTO, Duration.ofSeconds(2)))).isEqualTo(List.of(Map.of("rid", "R1", "roles", List.of("owner"))));
        assertThat(ddp.calls("getRoomRoles")).isEmpty();
        assertThat(get(s.invoke(roles, TransportMode.DDP, Duration.ofSeconds(2)))).isEqualTo("DDP:getRoomRoles");
        assertThat(get(s.invoke(RocketChatCall.ddp("joinRoom", List.of("R1")), TransportMode.REST, Duration.ofSeconds(2)))).isEqualTo(true);
        assertThat(get(s.invoke(RocketChatCall.ddp("joinRoom", List.of("R1")), TransportMode.AUTO, Duration.ofSeconds(2)))).isEqualTo("DDP:joinRoom");
        assertThat(ddp.calls("joinRoom").get(0).timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rest.requests("/api/info")).hasSize(1);
    }

    @Test
    void operationsBeforeStartFailClearly() {
        RocketChatSession s = session(TestSessions.settings(url, "bot", "pw"));
        assertThatThrownBy(() -> s.subscribeStream("stream-room-messages", "GENERAL", d -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
    }
}
