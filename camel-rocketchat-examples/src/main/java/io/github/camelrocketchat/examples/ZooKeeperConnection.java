package io.github.camelrocketchat.examples;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;

/**
 * This node's ZooKeeper session, one Curator client shared by the leader election ({@code ZooKeeperClusterService})
 * and the cursors ({@link ZooKeeperStateRepository}), so that both live and die together: when the session expires the
 * node loses its leadership and its cursor writes fail, as one.
 *
 * <p>The session timeout is what a crash costs: ZooKeeper removes a dead leader's election node only when its session
 * expires, so no other node can take over sooner. The client asks for it; the servers grant it within their
 * {@code minSessionTimeout}..{@code maxSessionTimeout} (by default 2 and 20 ticks).
 *
 * <p>A Camel service: add it to the context before the cluster service and the repository, so that it starts before
 * them and stops after them.
 */
public final class ZooKeeperConnection extends ServiceSupport {

    private final String connectString;
    private final Duration sessionTimeout;
    private final Duration connectionTimeout;
    private final CuratorFramework curator;

    /**
     * @param connectString     {@code host:port,host:port,...}
     * @param sessionTimeout    how long ZooKeeper keeps the session (and this node's leadership) without hearing from it
     * @param connectionTimeout how long a connection attempt, the start and each call may wait for a server
     */
    public ZooKeeperConnection(String connectString, Duration sessionTimeout, Duration connectionTimeout) {
        if (connectString == null || connectString.isBlank()) {
            throw new IllegalArgumentException("The ZooKeeper connect string is empty");
        }
        this.connectString = connectString.trim();
        this.sessionTimeout = sessionTimeout;
        this.connectionTimeout = connectionTimeout;
        this.curator = CuratorFrameworkFactory.builder()
                .connectString(this.connectString)
                .sessionTimeoutMs(Math.toIntExact(sessionTimeout.toMillis()))
                .connectionTimeoutMs(Math.toIntExact(connectionTimeout.toMillis()))
                // retries stay well inside the session: a call that cannot reach any server fails within seconds
                .retryPolicy(new BoundedExponentialBackoffRetry(100, 1000, 3))
                // keep the servers as configured: by default Curator replaces them with the addresses the ensemble
                // advertises, which behind NAT, containers or a proxy are not the ones this node can (or should) use
                .ensembleTracker(false)
                .build();
    }

    /** The Curator client; usable once this service started. */
    public CuratorFramework curator() {
        return curator;
    }

    /** The servers, as configured. */
    public String connectString() {
        return connectString;
    }

    /** The session timeout asked for (the servers may grant another within their bounds). */
    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** How long the start and each call may wait for a server. */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    @Override
    protected void doStart() throws Exception {
        curator.start();
        // an unreachable ensemble fails the start with its address, rather than leaving a node that never leads
        if (!curator.blockUntilConnected(Math.toIntExact(connectionTimeout.toMillis()), TimeUnit.MILLISECONDS)) {
            curator.close();
            throw new IllegalStateException("ZooKeeper at " + connectString + " did not answer within "
                    + connectionTimeout.toMillis() + " ms");
        }
    }

    @Override
    protected void doStop() {
        curator.close();
    }

    @Override
    public String toString() {
        return "ZooKeeper at " + connectString;
    }
}
