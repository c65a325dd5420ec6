package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A room message consumer with a {@code stateRepository} resumes where it stopped: the application (a new
 * CamelContext, a new {@link FileStateRepository} on the same file) gets what was posted while it was down, once,
 * before live messages, also when the first run delivered nothing (its start is the cursor). Without a stored cursor,
 * {@code since} says where to start.
 */
class LiveApplicationRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @TempDir
    Path dir;
    private CamelContext running;

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("journal", "bob", "bot");
        server.createChannel("history", "bob", "bot");
        server.createChannel("quiet", "bob", "bot");
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.stop();
        }
    }

    private RocketChatTestServer server() {
        return rocketChat.server();
    }

    /** One application: a context with the cursor file and the journal route. */
    private CamelContext start(String options) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        FileStateRepository cursors = FileStateRepository.fileStateRepository(dir.resolve("cursors.dat").toFile());
        ctx.addService(cursors);
        ctx.getRegistry().bind("cursors", cursors);
        String uri = "rocketchat:stream-room-messages?serverUrl=" + server().url() + "&username=bot&password=bot-pass"
                + "&messageEvents=created" + options;
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("journal").to("mock:journal");
            }
        });
        ctx.start();
        running = ctx;
        return ctx;
    }

    private static MockEndpoint journal(CamelContext ctx) {
        return ctx.getEndpoint("mock:journal", MockEndpoint.class);
    }

    @Test
    void messagesPostedWhileTheApplicationWasDownAreDeliveredOnceAtTheNextStart() throws Exception {
        CamelContext first = start("&roomName=journal&stateRepository=#cursors");
        journal(first).expectedBodiesReceived("x1", "x2", "x3");
        server().as("bob").sendMany("journal", 3, "x");
        journal(first).assertIsSatisfied(WAIT.toMillis());
        first.stop();
        running = null;
        String key = "rocketchat:stream-room-messages:" + server().roomId("journal") + ":journal";
        assertThat(Files.readString(dir.resolve("cursors.dat"))).contains(key + "=");

        server().as("bob").sendMany("journal", 5, "down");

        CamelContext second = start("&roomName=journal&stateRepository=#cursors");
        MockEndpoint again = journal(second);
        again.expectedBodiesReceived("down1", "down2", "down3", "down4", "down5", "live");
        await().atMost(WAIT).until(() -> again.getReceivedCounter() == 5);
        server().as("bob").send("journal", "live");
        again.assertIsSatisfied(WAIT.toMillis());
        assertThat(again.getExchanges().subList(0, 5))
                .allSatisfy(e -> assertThat(e.getMessage().getHeader(RocketChatConstants.REPLAYED)).isEqualTo(true));
        assertThat(again.getExchanges().get(5).getMessage().getHeader(RocketChatConstants.REPLAYED)).isNull();
    }

    @Test
    void aFirstRunThatDeliveredNothingStillLeavesItsStartSoTheNextRunGetsWhatCameAfter() throws Exception {
        CamelContext first = start("&roomName=quiet&stateRepository=#cursors");
        first.stop();
        running = null;

        server().as("bob").sendMany("quiet", 3, "q");

        CamelContext second = start("&roomName=quiet&stateRepository=#cursors");
        MockEndpoint mock = journal(second);
        mock.expectedBodiesReceived("q1", "q2", "q3");
        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(mock.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getHeader(RocketChatConstants.REPLAYED)).isEqualTo(true));
    }

    @Test
    void withoutACursorSinceSaysWhereToStart() throws Exception {
        server().as("bob").sendMany("history", 3, "old");
        CamelContext ctx = start("&roomName=history&since=PT1H");
        MockEndpoint mock = journal(ctx);
        mock.expectedBodiesReceived("old1", "old2", "old3", "new");
        await().atMost(WAIT).until(() -> mock.getReceivedCounter() == 3);
        server().as("bob").send("history", "new");
        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getHeader(RocketChatConstants.REPLAYED))
                .containsExactly(true, true, true, null);
    }
}
