package io.github.camelrocketchat.interop;

import java.util.concurrent.CompletableFuture;

import io.github.camelrocketchat.ddp.DdpConnectionListener;
import io.github.camelrocketchat.ddp.DdpDisconnect;

/** The first disconnect a client reports, as a future. */
final class ConnectionEvents implements DdpConnectionListener {

    /** Completed on the callback thread by the first {@code onDisconnected}. */
    final CompletableFuture<DdpDisconnect> disconnected = new CompletableFuture<>();
    /** Completed on the callback thread by the first {@code onConnected}. */
    final CompletableFuture<String> connected = new CompletableFuture<>();

    @Override
    public void onConnected(String sessionId) {
        connected.complete(sessionId);
    }

    @Override
    public void onDisconnected(DdpDisconnect disconnect) {
        disconnected.complete(disconnect);
    }
}
