package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole application as {@code exec:java} runs it. */
class ExampleAppTest {

    @TempDir
    Path work;

    private final Properties file = ExampleSettings.classpathProperties("application.properties");

    private Properties system(String... kv) {
        Properties p = new Properties();
        p.setProperty("examples.journal-dir", work.resolve("journal").toString());
        p.setProperty("examples.cluster-dir", work.resolve("cluster").toString());
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void theDemoRunsEveryRouteOnTheEmbeddedServerAndExitsZero() throws Exception {
        ExampleApp app = new ExampleApp(ExampleSettings.of(Map.of(), system(), file));

        int code = app.run();

        assertThat(app.failures()).isEmpty();
        assertThat(code).isZero();
        assertThat(work.resolve("journal/messages.jsonl")).isNotEmptyFile();
        assertThat(work.resolve("cluster")).isNotEmptyDirectory();
        // the journal's cursor beside the file lock
        assertThat(work.resolve("cluster/cursors/rocketchat%3Astream-room-messages%3A__my_messages__%3Ajournal")).isNotEmptyFile();
    }

    @Test
    void withAZooKeeperConnectStringTheJournalIsElectedThroughZooKeeperAndKeepsItsCursorThere() throws Exception {
        try (TestingServer zooKeeper = ZooKeeperServers.standalone(work.resolve("zookeeper"));
                CuratorFramework observer = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryOneTime(100))) {
            observer.start();
            // the candidates' election nodes carry their ids: record every one that appears while the demo runs
            List<String> candidates = new CopyOnWriteArrayList<>();
            try (CuratorCache elections = CuratorCache.build(observer, "/camel-rocketchat/leaders")) {
                elections.listenable().addListener(CuratorCacheListener.builder()
                        .forCreates(n -> candidates.add(new String(n.getData(), StandardCharsets.UTF_8))).build());
                elections.start();
                ExampleApp app = new ExampleApp(ExampleSettings.of(Map.of(), system("examples.zookeeper.connect",
                        zooKeeper.getConnectString(), "examples.zookeeper.node-id", "app-under-test"), file));

                int code = app.run();

                assertThat(app.failures()).isEmpty();
                assertThat(code).isZero();
            }
            assertThat(candidates).contains("app-under-test");
            assertThat(work.resolve("journal/messages.jsonl")).isNotEmptyFile();
            // no file lock, and the journal's cursor is in ZooKeeper, in the component's format
            assertThat(work.resolve("cluster")).doesNotExist();
            String cursor = "/camel-rocketchat/cursors/rocketchat%3Astream-room-messages%3A__my_messages__%3Ajournal";
            assertThat(new String(observer.getData().forPath(cursor), StandardCharsets.UTF_8))
                    .matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z [0-9A-Za-z,]+");
        }
    }

    @Test
    void withRocketChatUrlTheRoutesRunAgainstThatServer() throws Exception {
        try (RocketChatTestServer real = RocketChatTestServer.builder().seed(true).build().start()) {
            EmbeddedRocketChat.addExampleRooms(real, "demo-mirror", "ops");
            ExampleApp app = new ExampleApp(ExampleSettings.of(Map.of("ROCKETCHAT_URL", real.url(),
                    "ROCKETCHAT_USER", "demo.bot", "ROCKETCHAT_PASSWORD", "bot-pass"),
                    system("camel.main.duration-max-seconds", "2", "examples.alert-delay", "10"), file));

            int code = app.run();

            assertThat(app.failures()).isEmpty();
            assertThat(code).isZero();
            // no simulated human there: the only user messages are the alerts
            assertThat(real.messageCount("ops")).isPositive();
        }
    }

    @Test
    void aRouteThatCannotStartMakesTheExitCodeNonZero() throws Exception {
        try (RocketChatTestServer real = RocketChatTestServer.builder().seed(true).build().start()) {
            ExampleApp app = new ExampleApp(ExampleSettings.of(Map.of("ROCKETCHAT_URL", real.url(),
                    "ROCKETCHAT_USER", "demo.bot", "ROCKETCHAT_PASSWORD", "wrong"),
                    system("camel.main.duration-max-seconds", "2"), file));

            assertThat(app.run()).isEqualTo(2);
        }
    }

    @Test
    void withManagementEnabledOperatorsReadHealthAndTheRocketchatDevConsoleOverHttp() throws Exception {
        int port = freeLoopbackPort();
        try (RocketChatTestServer real = RocketChatTestServer.builder().seed(true).build().start()) {
            EmbeddedRocketChat.addExampleRooms(real, "demo-mirror", "ops");
            ExampleApp app = new ExampleApp(ExampleSettings.of(Map.of("ROCKETCHAT_URL", real.url(),
                    "ROCKETCHAT_USER", "demo.bot", "ROCKETCHAT_PASSWORD", "bot-pass"),
                    system("camel.main.duration-max-seconds", "0", "camel.management.enabled", "true",
                            "camel.management.port", String.valueOf(port)), file));
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://127.0.0.1:" + port;
                // health: every check UP once the routes subscribed, the component's among them
                JsonNode health = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> new ObjectMapper().readTree(get(http, base + "/q/health", "application/json")),
                                h -> "UP".equals(h.path("status").asText()) && h.toString().contains("consumer:"));
                assertThat(health.path("checks").findValuesAsText("name"))
                        .anyMatch(n -> n.startsWith("consumer:") && n.contains("journal"));
                // the dev console: the shared session, its state and its consumers; never the password
                String console = get(http, base + "/q/dev/rocketchat", "text/plain");
                assertThat(console).contains("Rocket.Chat sessions: ", "demo.bot@", real.url().replace("http", "ws"),
                        "State: ready", "Consumer command-bot: stream-room-messages room demo [ready]").doesNotContain("bot-pass");
                JsonNode json = new ObjectMapper().readTree(get(http, base + "/q/dev/rocketchat", "application/json"));
                assertThat(json.findValuesAsText("state")).contains("ready");
                assertThat(json.toString()).doesNotContain("bot-pass");
            } finally {
                app.stop();
            }
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(app.failures()).isEmpty();
        }
    }

    private static String get(HttpClient http, String url, String accept) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
