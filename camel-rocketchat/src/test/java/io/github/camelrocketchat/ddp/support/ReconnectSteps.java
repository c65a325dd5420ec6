package io.github.camelrocketchat.ddp.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.DdpDisconnect;
import java.time.Duration;

/** The recurring steps of reconnect tests on a {@link ClientHarness} without a handshake. Test thread only. */
public final class ReconnectSteps {
    private final ClientHarness h;

    public ReconnectSteps(ClientHarness h) {
        this.h = h;
    }

    /** The ready {@code socket} is lost (peer close 1006); returns the delay of the attempt the client schedules. */
    public Duration lose(FakeTransport socket, int attempt) {
        socket.peerClose(1006, "");
        h.scheduler.runPending();
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.requested()).isFalse();
        assertThat(d.willReconnect()).isTrue();
        return reconnecting(attempt);
    }

    /** The next event announces attempt {@code attempt}; returns its delay. */
    public Duration reconnecting(int attempt) {
        EventRecorder.Reconnecting r = h.events.next(EventRecorder.Reconnecting.class);
        assertThat(r.attempt()).isEqualTo(attempt);
        return r.delay();
    }

    /** Waits {@code delay}: one new socket opens, sends connect, gets 'connected' and the client is ready again. */
    public void reconnect(Duration delay, String session) {
        int dials = h.factory.dialCount();
        h.advance(delay);
        assertThat(h.factory.dialCount()).isEqualTo(dials + 1);
        h.expectSent(ClientHarness.CONNECT);
        h.serverSends("{'msg':'connected','session':'" + session + "'}");
        assertThat(h.events.next(EventRecorder.Connected.class).session()).isEqualTo(session);
    }
}
