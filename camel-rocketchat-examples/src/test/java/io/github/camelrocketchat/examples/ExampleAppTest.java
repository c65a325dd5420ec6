package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
}
