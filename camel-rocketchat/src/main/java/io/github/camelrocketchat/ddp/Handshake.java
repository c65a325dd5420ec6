package io.github.camelrocketchat.ddp;

import java.util.concurrent.CompletableFuture;

/**
 * What the client does on every new socket before anything else is sent on it: typically the login (Rocket.Chat
 * forgets the login and every subscription with the socket, protocol notes G.5). Set with
 * {@link DdpClientOptions.Builder#handshake(Handshake)}.
 *
 * <p>Runs after each {@code connected}: the first connect and every reconnect, on the callback executor (in
 * order with the other callbacks), never on the connection thread. Until the returned future completes
 * normally nothing else goes out on that socket: no queued call, no subscription. Then the client re-sends
 * every live subscription, then the unsent calls, and only then is it ready ({@link DdpClient#connect()}
 * completes, listeners get {@link DdpConnectionListener#onConnected}).
 *
 * <p>A failed future (or an exception thrown here) closes the socket: on the first connect {@code connect()}
 * fails with that error; on a reconnect the attempt counts as failed and the next one follows the backoff.
 * The future must complete within {@link DdpClientOptions#handshakeTimeout()}.
 *
 * <p>Make the calls through the given {@link HandshakeCalls}: {@link DdpClient#call} would wait for the ready
 * that waits for this handshake (until the handshake timeout). Do not block here waiting for a result: results
 * are delivered on the same ordered callback executor. Compose the futures instead.
 */
@FunctionalInterface
public interface Handshake {
    CompletableFuture<?> afterConnected(HandshakeCalls calls);
}
