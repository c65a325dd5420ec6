package io.github.camelrocketchat.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The cursor repository on a real ZooKeeper server (in process, 127.0.0.1). */
class ZooKeeperStateRepositoryTest {

    private static final String KEY = "rocketchat:stream-room-messages:GENERAL:journal";
    private static final Duration SESSION = Duration.ofSeconds(2);
    private static final Duration CONNECT = Duration.ofMillis(500);

    @TempDir
    Path data;
    private TestingServer server;
    private final List<ZooKeeperConnection> connections = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = ZooKeeperServers.standalone(data);
    }

    @AfterEach
    void stopAll() throws IOException {
        connections.forEach(ZooKeeperConnection::stop);
        server.close();
    }

    private ZooKeeperStateRepository repository(String connectString) {
        ZooKeeperConnection zk = new ZooKeeperConnection(connectString, SESSION, CONNECT);
        connections.add(zk);
        zk.start();
        ZooKeeperStateRepository repository = new ZooKeeperStateRepository(zk, "/test/cursors");
        repository.start();
        return repository;
    }

    @Test
    void keepsOneValuePerKeyAndForgetsItOnNull() {
        ZooKeeperStateRepository cursors = repository(server.getConnectString());

        assertThat(cursors.getState(KEY)).isNull();
        cursors.setState(KEY, "2026-12-03T08:27:42.123Z a1");
        cursors.setState(KEY, "2026-12-03T08:27:43Z b2,c3");
        assertThat(cursors.getState(KEY)).isEqualTo("2026-12-03T08:27:43Z b2,c3");
        cursors.setState(KEY, null);
        assertThat(cursors.getState(KEY)).isNull();
    }

    @Test
    void whatOneNodeWritesTheNextOneReads() {
        ZooKeeperStateRepository leader = repository(server.getConnectString());
        ZooKeeperStateRepository next = repository(server.getConnectString());

        leader.setState(KEY, "2026-12-03T08:27:42.123Z a1");

        // another session, and no cache: the newest value
        assertThat(next.getState(KEY)).isEqualTo("2026-12-03T08:27:42.123Z a1");
        leader.setState(KEY, "2026-12-03T08:27:44Z d4");
        assertThat(next.getState(KEY)).isEqualTo("2026-12-03T08:27:44Z d4");
    }

    @Test
    void anyKeyIsOneZnodeUnderTheBasePath() {
        ZooKeeperStateRepository cursors = repository(server.getConnectString());

        for (String key : List.of("a/b", "..", ".", "room:é:ü", KEY)) {
            cursors.setState(key, "v " + key);
            assertThat(cursors.getState(key)).isEqualTo("v " + key);
            assertThat(cursors.path(key)).startsWith("/test/cursors/").satisfies(p -> assertThat(p.substring(14)).doesNotContain("/"));
        }
    }

    @Test
    void aLostConnectionFailsEachCallNamingTheKeyAndTheServersAndTheNextWriteGoesThroughOnceItIsBack() throws Exception {
        ZooKeeperStateRepository cursors = repository(server.getConnectString());
        cursors.setState(KEY, "before");

        server.stop();
        assertThatThrownBy(() -> cursors.setState(KEY, "during")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot write the state '" + KEY + "'")
                .hasMessageContaining("ZooKeeper at " + server.getConnectString())
                .hasMessageContaining("CONNECTIONLOSS");
        assertThatThrownBy(() -> cursors.getState(KEY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot read the state '" + KEY + "'");

        server.restart();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> cursors.setState(KEY, "after"));
        assertThat(cursors.getState(KEY)).isEqualTo("after");
    }

    @Test
    void anUnreachableEnsembleFailsTheStartSayingWhere() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ZooKeeperConnection zk = new ZooKeeperConnection("127.0.0.1:" + closed, SESSION, CONNECT);

        assertThatThrownBy(zk::start).hasMessageContaining("ZooKeeper at 127.0.0.1:" + closed + " did not answer within 500 ms");
    }
}
