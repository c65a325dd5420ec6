package io.github.camelrocketchat.ddp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Calls a {@link Handshake} makes on the socket that is being set up. Their frames go out at once on that socket
 * although the client is not ready yet; they are bound to it: when it ends they fail with
 * {@link DdpConnectionClosedException} and are never sent on another socket. Thread-safe.
 */
public interface HandshakeCalls {
    /** The session id of the new socket (from {@code connected}). */
    String sessionId();

    /** False on the first connect, true on a reconnect. */
    boolean reconnect();

    /** Calls {@code method} with the client's method timeout; same results and failures as {@link DdpClient#call}. */
    CompletableFuture<Object> call(String method, List<?> params);

    /** Logs in as {@link DdpClient#login} does (with the same two-factor retry). */
    CompletableFuture<LoginResult> login(LoginRequest request, Supplier<String> totpCode);
}
