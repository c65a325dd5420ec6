package io.github.camelrocketchat.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;

/**
 * Real ZooKeeper servers in this JVM (curator-test), on 127.0.0.1 and random ports, with a short tick so that a
 * session can time out in seconds: these servers grant session timeouts between 1 and 20 ticks (250 ms to 5 s).
 */
final class ZooKeeperServers {

    /** The servers' tick. */
    static final int TICK_MS = 250;
    /** The session timeout the tests' nodes ask for: a dead leader is replaced about this long (plus camel-master's 1 s) after it died. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long a node waits for a server at its start and per call. Not below one second: with a server down the
     * client may try that one first, and then pauses up to a second before the next; not above the session timeout
     * (Curator warns then).
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private ZooKeeperServers() {
    }

    /** An ensemble of {@code n} servers (a quorum survives n/2 rounded down of them), not started. */
    static TestingCluster ensemble(int n, Path dataDir) throws IOException {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            specs.add(spec(dataDir.resolve("zk" + id), id, Map.of()));
        }
        return new TestingCluster(specs);
    }

    /** One standalone server, started. */
    static TestingServer standalone(Path dataDir) throws Exception {
        // a standalone server has no server.N line naming its client address: name it, or it binds every interface
        return new TestingServer(spec(dataDir, 1, Map.of("clientPortAddress", "127.0.0.1")), true);
    }

    private static InstanceSpec spec(Path dir, int id, Map<String, Object> more) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> props = new java.util.HashMap<>(more);
        // becomes zookeeper.admin.enableServer: no admin HTTP server on port 8080
        props.put("admin.enableServer", "false");
        return new InstanceSpec(dir.toFile(), -1, -1, -1, true, id, TICK_MS, -1, props, "127.0.0.1");
    }
}
