package io.github.camelrocketchat.examples;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.master.MasterEndpoint;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node that loses its ZooKeeper connection stops its {@code master:} routes until it is back, so that a leader cut off
 * from ZooKeeper stops consuming before ZooKeeper lets another node take over.
 *
 * <p>Why this is needed: in Camel 4.18 the {@code ZooKeeperClusterService} gives up the leadership when the connection is
 * lost, but {@code master:} never hears of it (the view announces the change while it still counts itself leader), so
 * the old leader's consumer keeps running next to the new one's. Stopping the route stops that consumer and leaves the
 * election; starting it again, once connected, queues the node as a candidate again.
 *
 * <p>It acts on {@code SUSPENDED} (the connection dropped; the session may still be alive) and {@code LOST}, as Curator's
 * own recipes do: a node without a connection cannot know whether its session is still alive. ZooKeeper's client
 * notices a silent connection after two thirds of the session timeout, before the servers expire the session, and the
 * routes are given a quarter of the session timeout to stop (then the stop is forced), so the consumer is quiet before
 * another node can be elected. The routes stop and start on a thread of this guard, one change at a time, never on
 * Curator's event thread. Routes stopped for another reason (a Rocket.Chat session that gave up)
 * are left alone.
 */
public final class ZooKeeperSessionGuard extends ServiceSupport implements CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperSessionGuard.class);

    private final ZooKeeperConnection connection;
    private final ConnectionStateListener listener = this::stateChanged;
    private CamelContext camelContext;
    private ExecutorService worker;
    /** The routes this guard stopped; touched on the worker thread only. */
    private final Set<String> stopped = new LinkedHashSet<>();

    public ZooKeeperSessionGuard(ZooKeeperConnection connection) {
        this.connection = connection;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doStart() {
        worker = camelContext.getExecutorServiceManager().newSingleThreadExecutor(this, "ZooKeeperSessionGuard");
        connection.curator().getConnectionStateListenable().addListener(listener);
    }

    @Override
    protected void doStop() {
        connection.curator().getConnectionStateListenable().removeListener(listener);
        camelContext.getExecutorServiceManager().shutdown(worker);
    }

    private void stateChanged(CuratorFramework client, ConnectionState state) {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            worker.execute(() -> stepDown(state));
        } else if (state == ConnectionState.RECONNECTED) {
            worker.execute(this::rejoin);
        }
    }

    private void stepDown(ConnectionState state) {
        if (!isRunAllowed() || camelContext.isStopping()) {
            return;
        }
        List<String> routes = new ArrayList<>();
        for (Route route : camelContext.getRoutes()) {
            if (route.getEndpoint() instanceof MasterEndpoint && camelContext.getRouteController()
                    .getRouteStatus(route.getRouteId()) == ServiceStatus.Started) {
                routes.add(route.getRouteId());
            }
        }
        if (routes.isEmpty()) {
            return;
        }
        LOG.warn("{} connection {}: stopping the master: routes {} until it is back (another node may lead meanwhile)",
                connection, state, routes);
        // a quarter of the session: the client notices a silent connection after two thirds of it, and the consumer
        // must be quiet before the servers can expire the session and elect another node. A stop that takes longer
        // (an exchange or a cursor write waiting) is forced: Camel then refuses the rest, which the next leader gets.
        long stopMillis = Math.max(1, connection.sessionTimeout().toMillis() / 4);
        for (String id : routes) {
            try {
                camelContext.getRouteController().stopRoute(id, stopMillis, TimeUnit.MILLISECONDS);
                stopped.add(id);
            } catch (Exception e) {
                if (camelContext.isStopping()) {
                    return; // the whole context is going down: its own stop ends the route
                }
                LOG.error("Cannot stop route {} after losing the ZooKeeper connection: it may still consume", id, e);
            }
        }
    }

    private void rejoin() {
        if (!isRunAllowed() || camelContext.isStopping() || stopped.isEmpty()) {
            return;
        }
        LOG.info("{} connection back: starting the master: routes {} again (as candidates)", connection, stopped);
        for (String id : List.copyOf(stopped)) {
            try {
                camelContext.getRouteController().startRoute(id);
                stopped.remove(id);
            } catch (Exception e) {
                LOG.error("Cannot start route {} again after the ZooKeeper connection came back", id, e);
            }
        }
    }
}
