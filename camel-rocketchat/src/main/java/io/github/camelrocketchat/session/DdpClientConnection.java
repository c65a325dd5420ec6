package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpStreamListener;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.DdpSubscriptionListener;
import io.github.camelrocketchat.ddp.CallOptions;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link DdpConnection} over the real {@link DdpClient}; plain delegation. */
final class DdpClientConnection implements DdpConnection {
    private final DdpClient client;

    DdpClientConnection(DdpClient client) {
        this.client = client;
    }

    @Override
    public Registration addConnectionListener(DdpConnectionListener listener) {
        return client.addConnectionListener(listener);
    }

    @Override
    public CompletableFuture<String> connect() {
        return client.connect();
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public String sessionId() {
        return client.sessionId();
    }

    @Override
    public CompletableFuture<Object> call(String method, List<?> params, Duration timeout) {
        return client.call(method, params, timeout);
    }

    @Override
    public DdpSubscription subscribe(String name, List<?> params, DdpSubscriptionListener listener) {
        return client.subscribe(name, params, listener);
    }

    @Override
    public Registration onCollection(String collection, DdpCollectionListener listener) {
        return client.onCollection(collection, listener);
    }

    @Override
    public Registration onStream(String collection, String eventName, DdpStreamListener listener) {
        return client.onStream(collection, eventName, listener);
    }

    @Override
    public CompletableFuture<Object> callResendable(String method, List<?> params, Duration timeout) {
        return client.call(method, params, timeout, CallOptions.RESENDABLE);
    }

    @Override
    public DdpClient.Status status() {
        return client.status();
    }

    @Override
    public CompletableFuture<Void> logout() {
        return client.logout();
    }

    @Override
    public CompletableFuture<LoginResult> login(LoginRequest request, Supplier<String> totpCode) {
        return client.login(request, totpCode);
    }

    @Override
    public Map<BadFrameKind, Long> badFrameCounts() {
        return client.badFrameCounts();
    }

    @Override
    public void close() {
        client.close();
    }
}
