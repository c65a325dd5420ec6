package io.github.camelrocketchat.interop;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;

class Monolith8StreamInteropTest extends AbstractStreamInteropTest {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.MONOLITH_8);

    @Override
    protected RocketChatTestServer server() {
        return RC.server();
    }
}
