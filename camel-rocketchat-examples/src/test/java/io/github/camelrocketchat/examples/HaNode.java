package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.RocketChatComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.master.MasterConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;

/**
 * One node of a test cluster: a CamelContext with its own Rocket.Chat session and its own ZooKeeper session, set up
 * as the examples application does ({@link HighAvailabilityConfiguration#useZooKeeper}: {@code ZooKeeperClusterService},
 * {@link ZooKeeperSessionGuard}, a {@link ZooKeeperStateRepository} bound as {@code #zkCursor}), running one
 * {@code master:rc:} route per room into two sinks: {@code raw} gets every exchange, {@code exact} what an idempotent
 * consumer on a repository shared by all nodes lets through (key: message id and {@code _updatedAt}).
 *
 * <p>The node reaches Rocket.Chat and each ZooKeeper server through relays of its own ({@link TcpProxy}), so that a
 * test can cut this node alone off either.
 */
final class HaNode {

    /**
     * What every node of a test shares.
     *
     * @param rocketChatPort  the test server's port
     * @param zooKeeperPorts  the client ports of the ZooKeeper servers
     * @param rooms           one route per room
     * @param consumerOptions appended to every consumer URI ({@code &name=value...})
     * @param raw             every exchange
     * @param exact           what passed the idempotent consumer
     * @param seen            the idempotent consumer's repository, shared by all nodes
     */
    record Cluster(int rocketChatPort, List<Integer> zooKeeperPorts, List<String> rooms, String consumerOptions,
            Deliveries raw, Deliveries exact, IdempotentRepository seen, CursorLog cursorLog) {
    }

    static final String BOT = EmbeddedRocketChat.BOT;

    final String name;
    private final CamelContext context;
    private final TcpProxy rocketChatLink;
    private final List<TcpProxy> zooKeeperLinks;
    private final ZooKeeperConnection zooKeeper;

    private HaNode(String name, CamelContext context, TcpProxy rocketChatLink, List<TcpProxy> zooKeeperLinks,
            ZooKeeperConnection zooKeeper) {
        this.name = name;
        this.context = context;
        this.rocketChatLink = rocketChatLink;
        this.zooKeeperLinks = zooKeeperLinks;
        this.zooKeeper = zooKeeper;
    }

    /** Starts a node; its routes compete for the leadership at once. */
    static HaNode start(String name, Cluster cluster) throws Exception {
        TcpProxy rc = TcpProxy.to(cluster.rocketChatPort());
        List<TcpProxy> zk = new ArrayList<>();
        cluster.zooKeeperPorts().forEach(p -> zk.add(TcpProxy.to(p)));
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);

        ZooKeeperConnection connection = new ZooKeeperConnection(
                zk.stream().map(p -> "127.0.0.1:" + p.port()).collect(Collectors.joining(",")),
                ZooKeeperServers.SESSION_TIMEOUT, ZooKeeperServers.CONNECTION_TIMEOUT);
        ZooKeeperStateRepository cursors = HighAvailabilityConfiguration.useZooKeeper(context, connection, "/ha-test", name);
        context.addService(cursors);
        context.getRegistry().bind("zkCursor", cluster.cursorLog().wrap(name, cursors));

        RocketChatComponent component = new RocketChatComponent();
        component.getConfiguration().setServerUrl("http://127.0.0.1:" + rc.port());
        component.getConfiguration().setUsername(BOT);
        component.getConfiguration().setPassword(EmbeddedRocketChat.BOT_PASSWORD);
        context.addComponent("rocketchat", component);
        context.addRoutes(routes(name, cluster));
        HaNode node = new HaNode(name, context, rc, zk, connection);
        try {
            context.start();
        } catch (Exception e) {
            node.crash().join();
            throw e;
        }
        return node;
    }

    private static RouteBuilder routes(String name, Cluster cluster) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String room : cluster.rooms()) {
                    // the same route id on every node: the cursor's key names it
                    from("master:rc:rocketchat:stream-room-messages?roomName=" + room
                            + "&stateRepository=#zkCursor&messageEvents=created" + cluster.consumerOptions())
                            .routeId("room-" + room)
                            .process(e -> cluster.raw().record(name, e))
                            // as docs/high-availability.md shows it: a message's version is its id and _updatedAt
                            .setHeader("versionKey", simple("${header.CamelRocketChatMessageId}/${body.updatedAt()}"))
                            .idempotentConsumer(header("versionKey"), cluster.seen())
                            .process(e -> cluster.exact().record(name, e));
                }
            }
        };
    }

    /** True when this node leads: each of its routes has its consumer running. */
    boolean isLeader() {
        List<Route> routes = context.getRoutes();
        return !routes.isEmpty() && routes.stream().allMatch(r -> r.getConsumer() instanceof MasterConsumer m && m.isMaster());
    }

    /**
     * Dies: both relays are cut at once, so the node neither hears Rocket.Chat nor says goodbye to ZooKeeper (its
     * session lives on there until it times out, and with it its leadership); then its context is stopped at once
     * (forced), in the background, as the rest of a dead process would vanish. The future completes when it stopped.
     */
    CompletableFuture<Void> crash() {
        rocketChatLink.cut();
        zooKeeperLinks.forEach(TcpProxy::cut);
        // a dead process delivers nothing more: the stop is forced at once, Camel refuses what is still queued
        context.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        context.getShutdownStrategy().setTimeout(1);
        return CompletableFuture.runAsync(context::stop);
    }

    /**
     * Cuts this node off ZooKeeper only, for good: it still hears Rocket.Chat, so it must notice that it lost its
     * session and stop consuming by itself.
     */
    void loseZooKeeper() {
        zooKeeperLinks.forEach(TcpProxy::cut);
    }

    /** The live relayed connections to ZooKeeper servers (diagnostics). */
    int zooKeeperConnections() {
        return zooKeeperLinks.stream().mapToInt(TcpProxy::liveConnections).sum();
    }

    /** Cuts this node off Rocket.Chat only: its ZooKeeper session goes on. */
    void loseRocketChat() {
        rocketChatLink.cut();
    }

    /** A route's status on this node. */
    boolean isStopped(String routeId) {
        return context.getRouteController().getRouteStatus(routeId).isStopped();
    }

    /** A clean stop: routes, then the ZooKeeper session (which ends at once, handing over the leadership). */
    void stop() {
        context.stop();
        rocketChatLink.close();
        zooKeeperLinks.forEach(TcpProxy::close);
    }

    ZooKeeperConnection zooKeeper() {
        return zooKeeper;
    }

    @Override
    public String toString() {
        return name;
    }
}
