package io.github.camelrocketchat.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Route 6, high availability: the cluster service behind {@code master:} in {@link JournalRoute}, and the journal's
 * cursor ({@value #CURSOR}), which every node must read where the leader wrote it.
 *
 * <ul>
 * <li>With {@code examples.zookeeper.connect} set: Apache ZooKeeper. Camel's {@link ZooKeeperClusterService} elects the
 * leader under {@code <base-path>/leaders} and a {@link ZooKeeperStateRepository} keeps the cursor under
 * {@code <base-path>/cursors}, both on one {@link ZooKeeperConnection}; a {@link ZooKeeperSessionGuard} stops the
 * node's {@code master:} routes while it has no connection to ZooKeeper.</li>
 * <li>Otherwise: a file lock in {@code examples.cluster-dir} and the cursor in a directory beside it
 * ({@link DirectoryStateRepository}); nothing to install, for several JVMs on one machine or a shared file system.</li>
 * </ul>
 * On Kubernetes use the Lease based service of camel-kubernetes instead (the routes do not change):
 *
 * <pre>{@code
 * KubernetesClusterService k8s = new KubernetesClusterService();
 * k8s.setKubernetesNamespace("chat");          // where the Lease objects live
 * k8s.setPodName(System.getenv("HOSTNAME"));   // this pod's identity
 * k8s.setLeaseDurationMillis(15000);
 * k8s.setRenewDeadlineMillis(10000);
 * k8s.setRetryPeriodMillis(2000);
 * context.addService(k8s);
 * }</pre>
 * See docs/high-availability.md.
 */
public class HighAvailabilityConfiguration implements CamelConfiguration {

    /** The registry name of the journal's cursor repository ({@code stateRepository=#journalCursor}). */
    public static final String CURSOR = "journalCursor";

    @Override
    public void configure(CamelContext context) throws Exception {
        String connect = context.resolvePropertyPlaceholders("{{examples.zookeeper.connect:}}");
        ServiceSupport cursor;
        if (connect.isBlank()) {
            String root = context.resolvePropertyPlaceholders("{{examples.cluster-dir}}");
            context.addService(fileLockClusterService(root));
            cursor = new DirectoryStateRepository(Path.of(root, "cursors"));
        } else {
            ZooKeeperConnection zk = new ZooKeeperConnection(connect,
                    Duration.ofMillis(Long.parseLong(context.resolvePropertyPlaceholders("{{examples.zookeeper.session-timeout:10000}}"))),
                    Duration.ofMillis(Long.parseLong(context.resolvePropertyPlaceholders("{{examples.zookeeper.connection-timeout:5000}}"))));
            String basePath = context.resolvePropertyPlaceholders("{{examples.zookeeper.base-path:/camel-rocketchat}}");
            String nodeId = context.resolvePropertyPlaceholders("{{examples.zookeeper.node-id:}}");
            cursor = useZooKeeper(context, zk, basePath, nodeId.isBlank() ? "node-" + ProcessHandle.current().pid() : nodeId);
        }
        context.addService(cursor);
        context.getRegistry().bind(CURSOR, StateRepository.class, cursor);
    }

    /**
     * Puts the leader election of {@code context} on ZooKeeper: adds the session {@code zk}, a cluster service electing
     * under {@code <basePath>/leaders} and the {@link ZooKeeperSessionGuard}, and returns the cursor repository under
     * {@code <basePath>/cursors} for the caller to add and bind. Added in this order, they start in this order and stop
     * the other way round: the session outlives everything that uses it.
     *
     * @param nodeId this node's name among the candidates (unique per node)
     */
    public static ZooKeeperStateRepository useZooKeeper(CamelContext context, ZooKeeperConnection zk, String basePath,
            String nodeId) throws Exception {
        context.addService(zk);
        context.addService(zooKeeperClusterService(zk, basePath + "/leaders", nodeId));
        context.addService(new ZooKeeperSessionGuard(zk));
        return new ZooKeeperStateRepository(zk, basePath + "/cursors");
    }

    /**
     * A file lock cluster service in {@code root}. One second between attempts: the default 10 s makes the first
     * election take about 9 s, and a failover as long.
     */
    public static FileLockClusterService fileLockClusterService(String root) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId("file-lock-cluster");
        service.setRoot(root);
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(1, TimeUnit.SECONDS);
        return service;
    }

    /**
     * A ZooKeeper cluster service on the node's session: one leader election per {@code master:} namespace, under
     * {@code leadersPath}. {@code nodeId} names this node among the participants (unique per node).
     */
    public static ZooKeeperClusterService zooKeeperClusterService(ZooKeeperConnection zk, String leadersPath, String nodeId) {
        ZooKeeperCuratorConfiguration configuration = new ZooKeeperCuratorConfiguration();
        // the session is zk's: the cluster service uses it and leaves closing it to zk (through the configuration:
        // ZooKeeperClusterService.setCuratorFramework fails on a service built without one in Camel 4.18)
        configuration.setCuratorFramework(zk.curator());
        configuration.setBasePath(leadersPath);
        ZooKeeperClusterService service = new ZooKeeperClusterService(configuration);
        service.setId(nodeId);
        return service;
    }
}
