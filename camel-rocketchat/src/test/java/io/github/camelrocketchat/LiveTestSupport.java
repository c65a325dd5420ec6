package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.session.DdpConnection;
import io.github.camelrocketchat.session.DdpConnectionFactory;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * Route tests against the Rocket.Chat test server: each class registers its own server (one per class, in the
 * dialect it studies) and adds its routes per test. Every test ends by checking that no DDP connection the component
 * opened dropped a frame the test did not provoke: a frame the client cannot read is a bug even when the routes
 * happened to get what they expected.
 */
abstract class LiveTestSupport extends CamelTestSupport {

    private static final Duration FLUSH_WAIT = Duration.ofSeconds(10);

    /** Every DDP connection the component opened in this test, in order; added on the threads starting routes. */
    private final List<DdpConnection> connections = new CopyOnWriteArrayList<>();
    /** Bad frames a test provoked on purpose, per connection (absent: none). */
    private final Map<DdpConnection, Map<BadFrameKind, Long>> expectedBadFrames = new ConcurrentHashMap<>();

    /** The server of the test class. */
    abstract RocketChatTestServer server();

    /** The component with the real DDP client, recording the connections it opens. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        RocketChatComponent component = new RocketChatComponent();
        component.setConnectionFactory(options -> {
            DdpConnection c = DdpConnectionFactory.DEFAULT.create(options);
            connections.add(c);
            return c;
        });
        ctx.addComponent("rocketchat", component);
        return ctx;
    }

    /**
     * The connections open now are meant to drop {@code n} frames of {@code kind} (the test told the server to send
     * them to every open connection).
     */
    void expectBadFrames(BadFrameKind kind, long n) {
        for (DdpConnection c : connections) {
            if (c.isConnected()) {
                expectedBadFrames.computeIfAbsent(c, k -> new EnumMap<>(BadFrameKind.class)).put(kind, n);
            }
        }
    }

    /**
     * Every connection dropped exactly the frames its test provoked. A connected one first makes a round trip (a
     * missing method is answered by every dialect), so that what the server sent before is decoded and counted
     * when the counts are read. Runs before {@link CamelTestSupport} stops the context (a subclass's
     * {@code @AfterEach} runs first), while the routes' connections are still open.
     */
    @AfterEach
    void assertBadFramesAsExpected() throws Exception {
        for (DdpConnection c : connections) {
            if (c.isConnected()) {
                c.call("live-test-flush", List.of(), FLUSH_WAIT).handle((r, e) -> null)
                        .get(FLUSH_WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            }
            Map<BadFrameKind, Long> expected = new EnumMap<>(BadFrameKind.class);
            for (BadFrameKind k : BadFrameKind.values()) {
                expected.put(k, expectedBadFrames.getOrDefault(c, Map.of()).getOrDefault(k, 0L));
            }
            assertThat(new EnumMap<>(c.badFrameCounts())).as("frames dropped by DDP connection %d of %d (its WARN log names "
                    + "the first of each kind)", connections.indexOf(c) + 1, connections.size()).isEqualTo(expected);
        }
    }

    /** The connection options of a password login, for a URI query. */
    String as(String username, String password) {
        return "serverUrl=" + server().url() + "&username=" + username + "&password=" + password;
    }

    /** Adds routes to the running context (they start at once). */
    void routes(RouteBuilderBody body) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                body.configure(this);
            }
        });
    }

    /** Sends {@code body} to {@code uri} with headers given as name, value pairs; returns the exchange (exception set on failure). */
    Exchange call(String uri, Object body, Object... headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    @FunctionalInterface
    interface RouteBuilderBody {
        void configure(RouteBuilder b) throws Exception;
    }
}
