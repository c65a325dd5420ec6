package io.github.camelrocketchat.interop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.TestClock;

/** Base of the interop tests: one server per concrete class (its extension), fresh clients per test. */
abstract class InteropTestBase {

    /** This test's clients; made before and closed after each test (JUnit thread). */
    protected InteropClients clients;

    /** The server of the concrete class's extension. */
    protected abstract RocketChatTestServer server();

    @BeforeEach
    void newClients() {
        clients = new InteropClients(server());
    }

    /** Ends every test: a frame the client dropped is a mismatch between client and server, even if the test passed. */
    @AfterEach
    void noUnexpectedBadFramesThenClose() {
        try {
            clients.assertBadFramesAsExpected();
        } finally {
            clients.close();
        }
    }

    protected Dialect dialect() {
        return server().dialect();
    }

    protected TestClock clock() {
        return (TestClock) server().clock();
    }
}
