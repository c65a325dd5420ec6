package io.github.camelrocketchat.examples;

import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;

/**
 * Route 6, high availability: the cluster service behind {@code master:} in {@link JournalRoute}. Every copy of the
 * application that points at the same {@code examples.cluster-dir} competes for a file lock there; the holder runs
 * the journal's consumer.
 *
 * <p>The file lock suits several JVMs on one machine or a shared file system. On Kubernetes use the Lease based
 * service of camel-kubernetes instead (the routes do not change):
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

    @Override
    public void configure(CamelContext context) throws Exception {
        context.addService(fileLockClusterService(context.resolvePropertyPlaceholders("{{examples.cluster-dir}}")));
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
}
