package io.github.camelrocketchat.session;

import static io.github.camelrocketchat.session.SessionTransportSelector.Route.DDP;
import static io.github.camelrocketchat.session.SessionTransportSelector.Route.REST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionTransportSelectorTest {
    private static final RocketChatCall DELETE = new RocketChatCall("deleteMessage", List.of(), "chat.delete",
            rest -> CompletableFuture.completedFuture(null), false);
    private static final RocketChatCall ROLES = new RocketChatCall("getRoomRoles", List.of(), "rooms.roles",
            rest -> CompletableFuture.completedFuture(null), false);
    private static final RocketChatCall REACT = new RocketChatCall("setReaction", List.of(), "chat.react",
            rest -> CompletableFuture.completedFuture(null), false);
    private static final RocketChatCall SEND_PLAIN = new RocketChatCall("sendMessage", List.of(), "chat.postMessage",
            rest -> CompletableFuture.completedFuture(null), false);
    private static final RocketChatCall SEND_ALIAS = new RocketChatCall("sendMessage", List.of(), "chat.postMessage",
            rest -> CompletableFuture.completedFuture(null), true);
    private static final RocketChatCall JOIN = RocketChatCall.ddp("joinRoom", List.of("R1"));

    private static ServerVersion v(String s) {
        return ServerVersion.parse(s);
    }

    @Test
    void parsesVersions() {
        assertThat(v("7.5.1")).isEqualTo(new ServerVersion(7, 5, 1));
        assertThat(v("8.0.0-rc.1")).isEqualTo(new ServerVersion(8, 0, 0));
        assertThat(v("6")).isEqualTo(new ServerVersion(6, 0, 0));
        assertThat(v("develop")).isNull();
        assertThat(v(null)).isNull();
        assertThat(v("7.1.0").atLeast(7, 1)).isTrue();
        assertThat(v("7.0.9").atLeast(7, 1)).isFalse();
    }

    @Test
    void autoFollowsTheVersionsThatRemovedMethods() {
        TransportMode auto = TransportMode.AUTO;
        assertThat(SessionTransportSelector.decide(DELETE, auto, v("6.13.0"), false)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(DELETE, auto, v("7.0.0"), false)).isEqualTo(REST);
        assertThat(SessionTransportSelector.decide(ROLES, auto, v("7.10.0"), false)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(ROLES, auto, v("8.0.0"), false)).isEqualTo(REST);
        assertThat(SessionTransportSelector.decide(REACT, auto, v("8.5.0"), false)).isEqualTo(REST);
        assertThat(SessionTransportSelector.decide(SEND_ALIAS, auto, v("7.0.5"), false)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(SEND_ALIAS, auto, v("7.1.0"), false)).isEqualTo(REST);
        assertThat(SessionTransportSelector.decide(SEND_PLAIN, auto, v("8.0.0"), false)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(JOIN, auto, v("8.0.0"), false)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(DELETE, auto, null, false)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(DELETE, auto, null, true)).isEqualTo(REST);
    }

    @Test
    void explicitModesWin() {
        assertThat(SessionTransportSelector.decide(DELETE, TransportMode.DDP, v("8.0.0"), true)).isEqualTo(DDP);
        assertThat(SessionTransportSelector.decide(JOIN, TransportMode.REST, v("6.0.0"), false)).isEqualTo(REST);
        assertThat(TransportMode.parse("Rest")).isEqualTo(TransportMode.REST);
        assertThat(TransportMode.parse(null)).isEqualTo(TransportMode.AUTO);
        assertThatThrownBy(() -> TransportMode.parse("grpc")).hasMessageContaining("auto, ddp or rest");
    }

    @Test
    void asksTheVersionOnceAndOnlyWhenTheChoiceDependsOnIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SessionTransportSelector s = new SessionTransportSelector("bot@ws://x/websocket", () -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture("8.1.0");
        });
        assertThat(s.choose(JOIN, TransportMode.AUTO).get()).isEqualTo(DDP);
        assertThat(asked).hasValue(0);
        assertThat(s.choose(ROLES, TransportMode.AUTO).get()).isEqualTo(REST);
        assertThat(s.choose(DELETE, TransportMode.AUTO).get()).isEqualTo(REST);
        assertThat(asked).hasValue(1);
        assertThat(s.describe()).containsEntry("getRoomRoles", "rest").containsEntry("joinRoom", "ddp");
    }

    @Test
    void anUnknownVersionMeansDdpFirstThenRememberedFallback() throws Exception {
        SessionTransportSelector s = new SessionTransportSelector("bot@ws://x/websocket",
                () -> CompletableFuture.failedFuture(new IllegalStateException("HTTP 404")));
        assertThat(s.choose(DELETE, TransportMode.AUTO).get()).isEqualTo(DDP);
        assertThat(s.fallBackAfter(DELETE, TransportMode.AUTO,
                FakeDdpConnection.error(404, "Method 'deleteMessage' not found", "deleteMessage"))).isTrue();
        assertThat(s.choose(DELETE, TransportMode.AUTO).get()).isEqualTo(REST);
        // other failures, other modes and calls without a REST equivalent never fall back
        assertThat(s.fallBackAfter(ROLES, TransportMode.AUTO, FakeDdpConnection.error("error-not-allowed", "Not allowed", "x"))).isFalse();
        assertThat(s.fallBackAfter(ROLES, TransportMode.DDP, FakeDdpConnection.error(404, "Method 'getRoomRoles' not found", "x"))).isFalse();
        assertThat(s.fallBackAfter(JOIN, TransportMode.AUTO, FakeDdpConnection.error(404, "Method 'joinRoom' not found", "x"))).isFalse();
        // sendMessage with alias on a strict server answers Match failed
        assertThat(s.fallBackAfter(SEND_ALIAS, TransportMode.AUTO, FakeDdpConnection.error(400, "Match failed", "sendMessage"))).isTrue();
        assertThat(s.choose(SEND_ALIAS, TransportMode.AUTO).get()).isEqualTo(REST);
        assertThat(s.choose(SEND_PLAIN, TransportMode.AUTO).get()).isEqualTo(DDP);
    }
}
