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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three Camel nodes behind {@code master:} on a real ZooKeeper ensemble of three servers, while bob posts a steady
 * stream into two rooms: the leader is killed ten times in a row (crashed, or cut off ZooKeeper while it still hears
 * Rocket.Chat; each time a fresh node joins, so three stay) and one ZooKeeper server dies on the way. Nothing is lost,
 * each room arrives in order, every repeat is marked replayed, the old leader never delivers once the new one did, and
 * an idempotent consumer (message id and {@code _updatedAt}) on a shared repository lets each message through exactly
 * once. Prints the takeover times and the counts.
 */
class ZooKeeperFailoverTest {

    private static final List<String> ROOMS = List.of("ha-a", "ha-b");
    private static final int KILLS = 10;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RocketChatTestServerExtension ROCKET_CHAT = new RocketChatTestServerExtension(b -> b.seed(true));

    @TempDir
    static Path zooKeeperData;
    private static TestingCluster ensemble;

    private final Deliveries raw = new Deliveries();
    private final Deliveries exact = new Deliveries();
    private final MemoryIdempotentRepository seen = SharedIdempotentRepository.memory();
    private final List<HaNode> nodes = new ArrayList<>();
    private final CursorLog cursorLog = new CursorLog();
    private final List<CompletableFuture<Void>> crashed = new ArrayList<>();
    private int started;

    @BeforeAll
    static void servers() throws Exception {
        RocketChatTestServer server = ROCKET_CHAT.server();
        ROOMS.forEach(room -> server.createChannel(room, "bob", HaNode.BOT));
        ensemble = ZooKeeperServers.ensemble(3, zooKeeperData);
        ensemble.start();
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        ensemble.close();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(HaNode::stop);
        crashed.forEach(CompletableFuture::join);
        seen.stop();
    }

    private HaNode startNode() throws Exception {
        List<Integer> ports = ensemble.getInstances().stream().map(InstanceSpec::getPort).toList();
        HaNode node = HaNode.start("node-" + ++started, new HaNode.Cluster(ROCKET_CHAT.server().port(), ports, ROOMS, "",
                raw, exact, new SharedIdempotentRepository(seen), cursorLog));
        nodes.add(node);
        return node;
    }

    /** The one node that leads and has delivered since {@code sinceNanos}. */
    private HaNode activeLeader(long sinceNanos) {
        return await().atMost(WAIT).until(() -> {
            List<HaNode> leaders = nodes.stream().filter(HaNode::isLeader).toList();
            if (leaders.size() != 1) {
                return null;
            }
            HaNode leader = leaders.get(0);
            boolean delivering = raw.all().stream().anyMatch(d -> d.node().equals(leader.name) && d.nanos() > sinceNanos);
            return delivering ? leader : null;
        }, l -> l != null);
    }

    @Test
    void tenLeaderCrashesAndALostZooKeeperServerLoseNothingAndRepeatOnlyReplayedMessages() throws Exception {
        for (int i = 0; i < 3; i++) {
            startNode();
        }
        // the stream starts once a leader listens: before that there is no cursor to resume from
        RocketChatTestServer server = ROCKET_CHAT.server();
        await().atMost(WAIT).until(() -> ROOMS.stream()
                .allMatch(room -> server.subscriptionCount("stream-room-messages", server.roomId(room)) == 1));
        List<Long> takeoverMillis = new ArrayList<>();
        List<Long> lateDeliveries = new ArrayList<>();
        Map<String, Integer> posted;
        try (NumberedPosts posts = new NumberedPosts(server, "bob", ROOMS)) {
            posts.start(Duration.ofMillis(40));
            long since = System.nanoTime();
            for (int kill = 1; kill <= KILLS; kill++) {
                if (kill == KILLS / 2 + 1) {
                    killZooKeeperServer();
                    since = System.nanoTime();
                }
                Takeover t = kill(activeLeader(since), kill % 2 == 0);
                takeoverMillis.add(t.millis());
                lateDeliveries.add(raw.all().stream().filter(d -> d.node().equals(t.dead()) && d.nanos() > t.first().nanos()).count());
                since = t.first().nanos() - 1;
                startNode();
            }
            posted = posts.stop();
        }
        try {
            await().atMost(WAIT).until(() -> raw.hasAll(posted) && exact.hasAll(posted));
        } catch (ConditionTimeoutException e) {
            // the assertions below say what is missing
        }
        report(takeoverMillis, posted);

        for (String room : ROOMS) {
            List<Integer> inOrder = IntStream.rangeClosed(1, posted.get(room)).boxed().toList();
            assertThat(raw.lost(room, posted.get(room))).as("lost in " + room).isEmpty();
            assertThat(raw.firstArrivals(room)).as("first arrivals in " + room).isEqualTo(inOrder);
            assertThat(exact.firstArrivals(room)).as("exactly once, in order, in " + room).isEqualTo(inOrder);
        }
        assertThat(raw.duplicates()).as("repeats not marked replayed").allMatch(Delivery::replayed);
        assertThat(exact.duplicates()).isEmpty();
        assertThat(exact.size()).isEqualTo(posted.values().stream().mapToInt(Integer::intValue).sum());
        // one active consumer: once the new leader delivered, the old one delivered nothing more
        assertThat(lateDeliveries).as("deliveries of the old leader after the new one's first").containsOnly(0L);
        // a dead leader is replaced once ZooKeeper expired its session: not sooner (the old one might still be alive),
        // nor much later
        assertThat(takeoverMillis).hasSize(KILLS).allMatch(t -> t >= ZooKeeperServers.SESSION_TIMEOUT.toMillis() / 2
                && t < ZooKeeperServers.SESSION_TIMEOUT.toMillis() + 5_000);
    }

    /**
     * One failover.
     *
     * @param dead  the killed leader
     * @param t0    when it was killed ({@link System#nanoTime()})
     * @param first the first delivery of the node that took over
     */
    private record Takeover(String dead, long t0, Delivery first) {
        long millis() {
            return (first.nanos() - t0) / 1_000_000;
        }
    }

    /**
     * Kills {@code leader} and waits for the first delivery of the node that takes over. Odd kills crash it (cut off
     * Rocket.Chat and ZooKeeper at once, then its context stops); even ones only cut it off ZooKeeper, so it stays
     * alive and connected to Rocket.Chat, and must stop consuming by itself ({@link ZooKeeperSessionGuard}); it is
     * crashed too once the new leader delivered, so that three nodes stay.
     */
    private Takeover kill(HaNode leader, boolean isolate) {
        long t0 = System.nanoTime();
        nodes.remove(leader);
        if (isolate) {
            leader.loseZooKeeper();
        } else {
            crashed.add(leader.crash());
        }
        Delivery first = await().atMost(WAIT).until(() -> raw.firstAfter(t0, leader.name), Optional::isPresent).get();
        System.out.printf("ZooKeeperFailoverTest: %s %s; %s delivered %d ms later%n", isolate ? "cut off ZooKeeper" : "crashed",
                leader, first.node(), (first.nanos() - t0) / 1_000_000);
        if (isolate) {
            crashed.add(leader.crash());
        }
        return new Takeover(leader.name, t0, first);
    }

    private void report(List<Long> takeoverMillis, Map<String, Integer> posted) {
        List<Delivery> repeats = raw.duplicates();
        List<Long> sorted = takeoverMillis.stream().sorted().toList();
        System.out.printf("ZooKeeperFailoverTest: %d kills, session timeout %d ms: takeover min %d ms, median %d ms, max %d ms%n",
                KILLS, ZooKeeperServers.SESSION_TIMEOUT.toMillis(), sorted.get(0), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
        System.out.printf("ZooKeeperFailoverTest: posted %s; raw sink: %d exchanges, lost %d, duplicates %d (marked replayed %d); "
                + "after the idempotent consumer: %d exchanges, duplicates %d%n", posted, raw.size(), lost(raw, posted),
                repeats.size(), repeats.stream().filter(Delivery::replayed).count(), exact.size(), exact.duplicates().size());
        for (String room : ROOMS) {
            raw.lost(room, posted.get(room)).forEach(n -> cursorLog.explainLost(raw, room, ROCKET_CHAT.server().roomId(room), n));
        }
    }

    private static int lost(Deliveries d, Map<String, Integer> posted) {
        return posted.entrySet().stream().mapToInt(e -> d.lost(e.getKey(), e.getValue()).size()).sum();
    }

    /** Stops one of the three ZooKeeper servers; the other two keep the quorum. */
    private void killZooKeeperServer() throws Exception {
        InstanceSpec victim = ensemble.getInstances().iterator().next();
        assertThat(ensemble.killServer(victim)).isTrue();
        System.out.printf("ZooKeeperFailoverTest: stopped ZooKeeper server %d (port %d)%n", victim.getServerId(), victim.getPort());
    }
}
