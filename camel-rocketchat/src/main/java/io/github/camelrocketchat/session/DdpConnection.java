package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpStreamListener;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a session needs from a DDP connection: the {@link DdpClient} operations it uses, behind an interface so
 * the session logic can be tested without a socket. {@link #of(DdpClient)} adapts the real client.
 */
public interface DdpConnection extends AutoCloseable {

    Registration addConnectionListener(DdpConnectionListener listener);

    CompletableFuture<String> connect();

    boolean isConnected();

    String sessionId();

    CompletableFuture<Object> call(String method, List<?> params, Duration timeout);

    DdpSubscription subscribe(String name, List<?> params, DdpSubscriptionListener listener);

    Registration onCollection(String collection, DdpCollectionListener listener);

    Registration onStream(String collection, String eventName, DdpStreamListener listener);

    /** Calls {@code method}; when the connection drops after the frame went out, the call is sent again after the
     *  reconnect instead of failing (only for calls the server treats as idempotent). */
    CompletableFuture<Object> callResendable(String method, List<?> params, Duration timeout);

    /** Where the connection is, for health (state, reconnect attempt, last error). */
    DdpClient.Status status();

    CompletableFuture<Void> logout();

    /**
     * Logs in on the current socket (or the next one, when reconnecting), answering a TOTP challenge with
     * {@code totpCode} (see {@link DdpClient#login}).
     */
    CompletableFuture<LoginResult> login(LoginRequest request, Supplier<String> totpCode);

    /** Inbound frames the client dropped, by kind (see {@link DdpClient#badFrameCounts()}). */
    Map<BadFrameKind, Long> badFrameCounts();

    @Override
    void close();

    /** Adapts a real client. */
    static DdpConnection of(DdpClient client) {
        return new DdpClientConnection(client);
    }
}
