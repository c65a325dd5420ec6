package io.github.camelrocketchat.interop;

import java.util.function.Consumer;

import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.RocketChatTestServerBuilder;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestClock;

/** How the interop test classes start their (one per class) test server. */
final class InteropServers {

    /** Failed password logins before a user is blocked; small so the blocking test stays short. */
    static final int FAILED_LOGINS_UNTIL_BLOCK = 3;

    private InteropServers() {
    }

    /** A server of {@code dialect} on a {@link TestClock} (login expiry is tested by moving it). */
    static RocketChatTestServerExtension extension(Dialect dialect) {
        return extension(dialect, b -> {
        });
    }

    static RocketChatTestServerExtension extension(Dialect dialect, Consumer<RocketChatTestServerBuilder> more) {
        return new RocketChatTestServerExtension(b -> {
            b.dialect(dialect).clock(new TestClock()).failedLoginsUntilBlock(FAILED_LOGINS_UNTIL_BLOCK);
            more.accept(b);
        });
    }
}
