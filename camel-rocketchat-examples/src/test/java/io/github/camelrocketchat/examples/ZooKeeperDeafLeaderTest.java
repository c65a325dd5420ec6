package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.examples.Deliveries.Delivery;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leader that can still reach ZooKeeper but no longer Rocket.Chat: its session gives up after
 * {@code maxReconnectAttempts}, its consumers stop their routes, which releases the leadership, and a node that can
 * still reach the server takes over from the shared cursor. Nothing posted meanwhile is lost.
 */
class ZooKeeperDeafLeaderTest {

    private static final List<String> ROOMS = List.of("deaf-a", "deaf-b");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Gives up after two refused reconnects, a fraction of a second apart. */
    private static final String GIVE_UP_FAST = "&maxReconnectAttempts=2&reconnectInitialDelay=20&reconnectMaxDelay=200";

    @RegisterExtension
    static final RocketChatTestServerExtension ROCKET_CHAT = new RocketChatTestServerExtension(b -> b.seed(true));

    @TempDir
    static Path zooKeeperData;
    private static TestingServer zooKeeper;

    private final Deliveries raw = new Deliveries();
    private final Deliveries exact = new Deliveries();
    private final MemoryIdempotentRepository seen = SharedIdempotentRepository.memory();
    private final List<HaNode> nodes = new ArrayList<>();

    @BeforeAll
    static void servers() throws Exception {
        ROOMS.forEach(room -> ROCKET_CHAT.server().createChannel(room, "bob", HaNode.BOT));
        zooKeeper = ZooKeeperServers.standalone(zooKeeperData);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zooKeeper.close();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(HaNode::stop);
        seen.stop();
    }

    private HaNode startNode(String name) throws Exception {
        HaNode node = HaNode.start(name, new HaNode.Cluster(ROCKET_CHAT.server().port(), List.of(zooKeeper.getPort()), ROOMS,
                GIVE_UP_FAST, raw, exact, new SharedIdempotentRepository(seen), new CursorLog()));
        nodes.add(node);
        return node;
    }

    @Test
    void aLeaderWhoseRocketChatSessionGaveUpHandsOverToANodeThatCanStillReachTheServer() throws Exception {
        HaNode first = startNode("first");
        RocketChatTestServer server = ROCKET_CHAT.server();
        await().atMost(WAIT).until(() -> first.isLeader() && ROOMS.stream()
                .allMatch(room -> server.subscriptionCount("stream-room-messages", server.roomId(room)) == 1));
        HaNode second = startNode("second");

        Map<String, Integer> posted;
        long t0;
        Delivery takeover;
        try (NumberedPosts posts = new NumberedPosts(server, "bob", ROOMS)) {
            posts.start(Duration.ofMillis(40));
            await().atMost(WAIT).until(() -> raw.size() >= 20);

            t0 = System.nanoTime();
            first.loseRocketChat();
            // two refused reconnects and the session gives up: every route of the deaf node stops by itself
            await().atMost(WAIT).until(() -> ROOMS.stream().allMatch(room -> first.isStopped("room-" + room)));
            takeover = await().atMost(WAIT).until(() -> raw.firstAfter(t0, first.name), Optional::isPresent).get();
            assertThat(takeover.node()).isEqualTo("second");
            assertThat(second.isLeader()).isTrue();
            await().atMost(WAIT).until(() -> raw.size() >= takeover.n() + 20);
            posted = posts.stop();
        }
        await().atMost(WAIT).until(() -> raw.hasAll(posted) && exact.hasAll(posted));
        System.out.printf("ZooKeeperDeafLeaderTest: the deaf leader's session gave up and %s delivered %d ms after its "
                + "connection was cut; posted %s, raw sink %d exchanges, duplicates %d (marked replayed %d), after the "
                + "idempotent consumer %d%n", takeover.node(), (takeover.nanos() - t0) / 1_000_000, posted, raw.size(),
                raw.duplicates().size(), raw.duplicates().stream().filter(Delivery::replayed).count(), exact.size());

        for (String room : ROOMS) {
            List<Integer> inOrder = IntStream.rangeClosed(1, posted.get(room)).boxed().toList();
            assertThat(raw.firstArrivals(room)).as("every message of " + room + ", in order").isEqualTo(inOrder);
            assertThat(exact.firstArrivals(room)).isEqualTo(inOrder);
        }
        assertThat(raw.duplicates()).allMatch(Delivery::replayed);
        assertThat(exact.duplicates()).isEmpty();
        // still connected to ZooKeeper, the deaf node neither leads nor comes back by itself: its routes stay stopped
        assertThat(first.isLeader()).isFalse();
        assertThat(ROOMS).allMatch(room -> first.isStopped("room-" + room));
        assertThat(first.zooKeeper().curator().getZookeeperClient().isConnected()).isTrue();
    }
}
