package io.github.camelrocketchat.interop;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;

class DdpStreamerLoginInteropTest extends AbstractLoginInteropTest {

    @RegisterExtension
    static final RocketChatTestServerExtension RC = InteropServers.extension(Dialect.DDP_STREAMER);

    @Override
    protected RocketChatTestServer server() {
        return RC.server();
    }
}
