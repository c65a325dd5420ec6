package io.github.camelrocketchat.examples;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

/**
 * A Camel {@link StateRepository} kept in ZooKeeper, so that every node of a cluster reads what the leader wrote: the
 * room message consumers' cursors ({@code stateRepository=#...}). A node that becomes leader reads the cursor its
 * predecessor left and gap-fills from there.
 *
 * <p>One znode per key under {@code basePath}, named by the URL-encoded key, holding the value in UTF-8. Every call
 * goes to ZooKeeper (no cache: a cache would show a new leader the mark it saw last, not the newest), and a write
 * returns only once a quorum of servers has it.
 *
 * <p>Failures are never swallowed: when no server answers within the client's retries, or the session expired, a
 * call throws an {@link IllegalStateException} naming the key, the servers and the ZooKeeper error. A room message
 * consumer reports a failed write to its exception handler and writes the newer cursor at its next message, so a
 * failed write costs at most repeats (replayed) after the next failover, never a gap.
 */
public final class ZooKeeperStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final ZooKeeperConnection connection;
    private final String basePath;

    /**
     * @param connection the node's ZooKeeper session (started before this service, stopped after it; not closed here)
     * @param basePath   the parent znode of the keys, e.g. {@code /camel-rocketchat/cursors}
     */
    public ZooKeeperStateRepository(ZooKeeperConnection connection, String basePath) {
        this.connection = connection;
        this.basePath = ZKPaths.fixForNamespace(null, basePath);
    }

    @Override
    protected void doStart() throws Exception {
        CuratorFramework client = connection.curator();
        if (!client.blockUntilConnected(Math.toIntExact(connection.connectionTimeout().toMillis()), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Cannot start the state repository in " + connection + ": no server answered");
        }
        client.createContainers(basePath);
    }

    /** The stored value, or null when the key has none. */
    @Override
    public String getState(String key) {
        try {
            return new String(connection.curator().getData().forPath(path(key)), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (Exception e) {
            throw failure("read", key, e);
        }
    }

    /** Stores {@code value} for {@code key}; a null value removes the key. Returns once ZooKeeper has it. */
    @Override
    public void setState(String key, String value) {
        try {
            if (value == null) {
                connection.curator().delete().quietly().forPath(path(key));
            } else {
                connection.curator().create().orSetData().creatingParentContainersIfNeeded()
                        .forPath(path(key), value.getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw failure("write", key, e);
        }
    }

    /** The znode of {@code key}: URL-encoded, with dots too, as ZooKeeper refuses "." and ".." as names. */
    String path(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A state key must not be empty");
        }
        return ZKPaths.makePath(basePath, URLEncoder.encode(key, StandardCharsets.UTF_8).replace(".", "%2E"));
    }

    private IllegalStateException failure(String what, String key, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String reason = e instanceof KeeperException k ? k.code() + " (" + k.getMessage() + ")" : String.valueOf(e);
        if (!isStarted()) {
            reason = "the repository is " + getStatus() + "; " + reason;
        }
        return new IllegalStateException("Cannot " + what + " the state '" + key + "' in " + connection + " at " + path(key)
                + ": " + reason, e);
    }

    @Override
    public String toString() {
        return "ZooKeeperStateRepository[" + connection + basePath + "]";
    }
}
