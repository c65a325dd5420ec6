package io.github.camelrocketchat.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port nothing listens on, for tests of an unreachable server: bound on port 0 (so the OS picked a free
 * one) and closed again. A fixed port such as 9 (discard) or 1 may well be open on a CI machine.
 */
public final class ClosedPort {
    private ClosedPort() {
    }

    /** A port on 127.0.0.1 that was free a moment ago and is closed now. */
    public static int port() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ws://127.0.0.1:<closed port>/websocket}. */
    public static String webSocketUrl() {
        return "ws://127.0.0.1:" + port() + "/websocket";
    }
}
