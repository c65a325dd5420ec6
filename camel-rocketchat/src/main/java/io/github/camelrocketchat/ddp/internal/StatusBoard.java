package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.DdpClient;

/** The status snapshot for health checks: replaced whole on the connection thread, read from any thread. */
final class StatusBoard {
    private volatile DdpClient.Status snapshot = new DdpClient.Status(DdpClient.State.DISCONNECTED, 0, null);

    DdpClient.Status get() {
        return snapshot;
    }

    void set(DdpClient.State state, int attempt) {
        snapshot = new DdpClient.Status(state, attempt, snapshot.lastError());
    }

    /** Keeps the text only: exceptions here name methods, ids and server errors, never credentials. */
    void error(Throwable e) {
        snapshot = new DdpClient.Status(snapshot.state(), snapshot.attempt(), Errors.text(e));
    }
}
