package io.github.camelrocketchat.testserver;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link RocketChatTestServer}. On a {@code static} field it starts before all
 * tests of the class and closes after them; on an instance field it starts before and closes after each test.
 * Test methods may also take the server as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.seed(true));
 * }</pre>
 */
public final class RocketChatTestServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Consumer<RocketChatTestServerBuilder> customizer;
    /** The running server; set and cleared on the JUnit thread. */
    private RocketChatTestServer server;
    /** True when started in beforeAll (static registration). */
    private boolean perClass;

    public RocketChatTestServerExtension() {
        this(b -> {
        });
    }

    /** @param customizer adjusts the builder (dialect, clock, rate limiter...) before the server starts */
    public RocketChatTestServerExtension(Consumer<RocketChatTestServerBuilder> customizer) {
        this.customizer = customizer;
    }

    /** The running server. */
    public RocketChatTestServer server() {
        if (server == null) {
            throw new IllegalStateException("the Rocket.Chat test server is not running (register the extension with @RegisterExtension)");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopServer();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopServer();
        }
    }

    private void startServer() {
        RocketChatTestServerBuilder b = RocketChatTestServer.builder();
        customizer.accept(b);
        server = b.build().start();
    }

    private void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RocketChatTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }
}
