package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.DdpException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RocketChatSessionRegistryTest {
    /** Nothing listens here: DDP goes through a fake, and the REST client finds the port closed. */
    private final String url = ClosedPort.webSocketUrl();
    private final List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();
    private volatile RuntimeException nextConnectFailure;
    private final RocketChatSessionRegistry registry = RocketChatSessionRegistry.using(options -> {
        FakeDdpConnection c = new FakeDdpConnection();
        c.connectFailure = nextConnectFailure;
        sockets.add(c);
        return c.use(options);
    });

    @Test
    void sameKeySharesOneConnectionUntilTheLastRelease() {
        SessionSettings bot = TestSessions.settings(url, "bot", "pw");
        RocketChatSessionRegistry.Lease a = registry.acquire(bot);
        RocketChatSessionRegistry.Lease b = registry.acquire(TestSessions.settings(url, "bot", "pw"));
        RocketChatSessionRegistry.Lease c = registry.acquire(bot);
        assertThat(sockets).hasSize(1);
        assertThat(a.session()).isSameAs(b.session()).isSameAs(c.session());
        assertThat(registry.references(bot.key())).isEqualTo(3);

        a.close();
        a.close();
        b.close();
        assertThat(sockets.get(0).closed).isFalse();
        assertThat(registry.references(bot.key())).isEqualTo(1);
        c.close();
        assertThat(sockets.get(0).closed).isTrue();
        assertThat(sockets.get(0).logouts).isEqualTo(1);
        assertThat(registry.size()).isZero();

        // a restart gets a new connection
        RocketChatSessionRegistry.Lease again = registry.acquire(bot);
        assertThat(sockets).hasSize(2);
        assertThat(again.session()).isNotSameAs(a.session());
        again.close();
    }

    @Test
    void aDifferentUserOrPasswordGetsItsOwnConnection() {
        RocketChatSessionRegistry.Lease bot = registry.acquire(TestSessions.settings(url, "bot", "pw"));
        RocketChatSessionRegistry.Lease alice = registry.acquire(TestSessions.settings(url, "alice", "pw"));
        RocketChatSessionRegistry.Lease otherPw = registry.acquire(TestSessions.settings(url, "bot", "pw2"));
        assertThat(sockets).hasSize(3);
        assertThat(registry.size()).isEqualTo(3);
        bot.close();
        assertThat(sockets.get(0).closed).isTrue();
        assertThat(sockets.get(1).closed).isFalse();
        alice.close();
        otherPw.close();
    }

    @Test
    void aFailedSessionIsNotHandedOutAgain() {
        nextConnectFailure = new DdpException("Connection refused");
        SessionSettings bot = TestSessions.settings(url, "bot", "pw");
        RocketChatSessionRegistry.Lease failed = registry.acquire(bot);
        assertThat(failed.session().state()).isEqualTo(SessionState.FAILED);
        nextConnectFailure = null;
        RocketChatSessionRegistry.Lease fresh = registry.acquire(bot);
        assertThat(fresh.session()).isNotSameAs(failed.session());
        assertThat(fresh.session().state()).isEqualTo(SessionState.READY);
        failed.close();
        assertThat(sockets.get(0).closed).isTrue();
        assertThat(sockets.get(1).closed).isFalse();
        assertThat(registry.find(bot.key())).isSameAs(fresh.session());
        fresh.close();
        assertThat(registry.size()).isZero();
    }

    @Test
    void aReconnectingSessionIsSharedNotReplaced() {
        SessionSettings bot = TestSessions.settings(url, "bot", "pw");
        RocketChatSessionRegistry.Lease old = registry.acquire(bot);
        sockets.get(0).drop("network down");
        RocketChatSessionRegistry.Lease same = registry.acquire(bot);
        assertThat(sockets).as("a lost connection is suspended: it heals for everyone").hasSize(1);
        assertThat(same.session()).isSameAs(old.session());
        old.close();
        assertThat(sockets.get(0).closed).isFalse();
        same.close();
        assertThat(sockets.get(0).closed).isTrue();
        assertThat(sockets.get(0).logouts).as("no logout on a lost connection").isZero();
    }

    @Test
    void aSessionThatGaveUpIsReplacedForNewcomersAndClosedByItsLastHolder() {
        SessionSettings bot = TestSessions.settings(url, "bot", "pw");
        RocketChatSessionRegistry.Lease old = registry.acquire(bot);
        sockets.get(0).drop("network down");
        sockets.get(0).giveUp("gave up after 5 attempts");
        RocketChatSessionRegistry.Lease fresh = registry.acquire(bot);
        assertThat(sockets).hasSize(2);
        assertThat(fresh.session()).isNotSameAs(old.session());
        old.close();
        assertThat(sockets.get(0).closed).isTrue();
        fresh.close();
    }

    @Test
    void closeAllClosesWhatIsLeft() {
        registry.acquire(TestSessions.settings(url, "bot", "pw"));
        registry.closeAll();
        assertThat(sockets.get(0).closed).isTrue();
        assertThat(registry.size()).isZero();
    }

    @Test
    void connectionKeyNeverShowsTheSecret() {
        ConnectionKey k = new ConnectionKey("wss://chat.example.com/websocket", "bot", null, "password",
                "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", null);
        assertThat(k.toString()).contains("bot", "wss://chat.example.com/websocket", "credentials=password", "tls=default")
                .doesNotContain("5e884898");
        assertThat(k.describe()).isEqualTo("bot@wss://chat.example.com/websocket");
    }
}
