package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel refuses the exchanges of a route that is stopping with a RejectedExecutionException (behind {@code master:}
 * this happens when the leadership moves during a gap-fill, the consumer still replaying). A refused message never
 * reached the route, so the cursor must not move past it: the next start (here, or on the next leader) delivers it.
 * The route below refuses m2 the way a stopping route would; the consumer keeps the cursor at m1 from then on and
 * offers the route nothing more.
 */
class LiveRefusedExchangeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    private final MemoryStateRepository cursors = new MemoryStateRepository();
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("backlog", "bob", "bot");
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    /** A context whose route records each text and refuses {@code refuse}. */
    private CamelContext start(List<String> seen, String refuse) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.getRegistry().bind("cursors", cursors);
        String uri = "rocketchat:stream-room-messages?serverUrl=" + rocketChat.server().url()
                + "&username=bot&password=bot-pass&roomName=backlog&messageEvents=created&since=PT1H&stateRepository=#cursors";
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("backlog").process(e -> {
                    String text = e.getMessage().getBody(ChatMessage.class).text();
                    seen.add(text);
                    if (text.equals(refuse)) {
                        throw new RejectedExecutionException("refused as by a stopping route");
                    }
                });
            }
        });
        ctx.start();
        contexts.add(ctx);
        return ctx;
    }

    @Test
    void aRefusedMessageAndThoseAfterItAreDeliveredAgainAtTheNextStart() throws Exception {
        rocketChat.server().as("bob").sendMany("backlog", 5, "m");
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        CamelContext ctx = start(first, "m2");
        await().atMost(WAIT).until(() -> first.contains("m2"));
        ctx.stop();
        // after a refusal the consumer offers the route nothing more: it would be refused too
        assertThat(first).containsExactly("m1", "m2");

        List<String> second = Collections.synchronizedList(new ArrayList<>());
        start(second, null);
        await().atMost(WAIT).until(() -> second.size() >= 4);
        // m1 went through and its cursor was stored; from the refused m2 on, nothing was
        assertThat(second).containsExactly("m2", "m3", "m4", "m5");
    }
}
