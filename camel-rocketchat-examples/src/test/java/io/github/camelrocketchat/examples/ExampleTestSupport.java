package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.RocketChatComponent;
import io.github.camelrocketchat.RocketChatConfiguration;
import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes of the examples against the test server, seeded as the demo seeds it: the component logs in as the bot,
 * the {@code examples.*} properties point at the demo rooms and at a temporary directory, and alice's own connection
 * records every message event of her rooms in {@link #seen} (what a person would see).
 */
abstract class ExampleTestSupport extends CamelTestSupport {

    static final String BOT = EmbeddedRocketChat.BOT;
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final RocketChatTestServerExtension ROCKET_CHAT = new RocketChatTestServerExtension(b -> b.seed(true));

    @TempDir
    Path work;

    /** Alice's view; filled by the observer route, read by the test thread. */
    final SeenMessages seen = new SeenMessages();

    @BeforeAll
    static void exampleRooms() {
        EmbeddedRocketChat.addExampleRooms(ROCKET_CHAT.server(), "demo-mirror", "ops");
    }

    static RocketChatTestServer server() {
        return ROCKET_CHAT.server();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties p = new Properties();
        p.setProperty("examples.bot-room", "demo");
        p.setProperty("examples.bridge-from", "demo");
        p.setProperty("examples.bridge-to", "demo-mirror");
        p.setProperty("examples.alert-room", "ops");
        p.setProperty("examples.alert-delay", "10");
        p.setProperty("examples.alert-period", "60000");
        p.setProperty("examples.journal-dir", work.resolve("journal").toString());
        p.setProperty("examples.cluster-dir", work.resolve("cluster").toString());
        moreProperties(p);
        context.getPropertiesComponent().setInitialProperties(p);
        RocketChatComponent component = new RocketChatComponent();
        RocketChatConfiguration c = component.getConfiguration();
        c.setServerUrl(server().url());
        c.setUsername(BOT);
        c.setPassword(EmbeddedRocketChat.BOT_PASSWORD);
        context.addComponent("rocketchat", component);
        context.addRoutes(observer());
        return context;
    }

    /** Adds properties for one test class. */
    protected void moreProperties(Properties p) {
    }

    private RouteBuilder observer() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?roomId=__my_messages__&username=alice&password=alice-pass"
                        + "&skipOwnMessages=false")
                        .routeId("alice-sees")
                        .process(e -> seen.add(e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT, String.class),
                                e.getMessage().getHeader(RocketChatConstants.ROOM_NAME, String.class),
                                e.getMessage().getBody(ChatMessage.class)));
            }
        };
    }

    /** Waits until alice sees a matching event, and returns it. */
    SeenMessages.Seen see(String what, Predicate<SeenMessages.Seen> match) throws InterruptedException {
        var s = seen.await(match, WAIT);
        assertThat(s).as(what).isPresent();
        return s.get();
    }

    static Predicate<SeenMessages.Seen> byBotIn(String room) {
        return s -> BOT.equals(s.author()) && room.equals(s.roomName()) && s.message().text() != null;
    }
}
