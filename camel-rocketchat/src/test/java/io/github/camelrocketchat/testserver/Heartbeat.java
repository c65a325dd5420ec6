package io.github.camelrocketchat.testserver;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Server pings. Monolith (Meteor's heartbeat.js): a check every {@code interval}; if nothing arrived since the
 * previous check and no ping is outstanding, send {@code ping} and close after {@code timeout} unless
 * anything arrives. ddp-streamer: the idle timer is armed 30 ms after open and re-armed to {@code interval}
 * on every inbound frame; on expiry it pings and closes with 4000 TIMEOUT after {@code timeout}.
 */
final class Heartbeat {

    private final ServerLoop loop;
    private final Dialect dialect;
    private final Duration interval;
    private final Duration timeout;

    Heartbeat(ServerLoop loop, Dialect dialect, Duration interval, Duration timeout) {
        this.loop = loop;
        this.dialect = dialect;
        this.interval = interval;
        this.timeout = timeout;
    }

    boolean enabled() {
        return !interval.isZero() && !interval.isNegative();
    }

    /** Socket opened: ddp-streamer starts its idle timer at once. */
    void onOpen(DdpConnection c) {
        if (dialect.streamer() && enabled()) {
            c.heartbeatTask = loop.schedule(() -> idle(c), Duration.ofMillis(30));
        }
    }

    /** {@code connected} sent: the monolith starts its repeating check (not for pre1). */
    void onConnected(DdpConnection c) {
        if (!dialect.streamer() && enabled() && !"pre1".equals(c.version)) {
            c.receivedSinceCheck = false;
            c.heartbeatTask = loop.schedule(() -> check(c), interval);
        }
    }

    void onInbound(DdpConnection c) {
        c.receivedSinceCheck = true;
        if (c.pingTimeout != null) {
            c.pingTimeout.cancel(false);
            c.pingTimeout = null;
        }
        if (dialect.streamer() && enabled() && c.heartbeatTask != null) {
            c.heartbeatTask.cancel(false);
            c.heartbeatTask = loop.schedule(() -> idle(c), interval);
        }
    }

    /** Runs one monolith check now (a test control); the regular schedule continues. */
    void checkNow(DdpConnection c) {
        if (!enabled() || c.closed || (!dialect.streamer() && (!c.connected() || "pre1".equals(c.version)))) {
            return;
        }
        if (!dialect.streamer()) {
            runCheck(c);
        } else {
            idlePing(c);
        }
    }

    private void check(DdpConnection c) {
        if (c.closed) {
            return;
        }
        runCheck(c);
        c.heartbeatTask = loop.schedule(() -> check(c), interval);
    }

    private void runCheck(DdpConnection c) {
        if (!c.receivedSinceCheck && c.pingTimeout == null) {
            sendPing(c, 1000, "heartbeat timeout");
        }
        c.receivedSinceCheck = false;
    }

    private void idle(DdpConnection c) {
        if (!c.closed) {
            idlePing(c);
        }
    }

    private void idlePing(DdpConnection c) {
        if (c.pingTimeout == null) {
            sendPing(c, 4000, "TIMEOUT");
        }
    }

    private void sendPing(DdpConnection c, int closeCode, String reason) {
        if (c.silent) {
            return; // half-open: the server neither writes nor notices anything
        }
        ObjectNode ping = Json.obj();
        ping.put("msg", "ping");
        c.send(ping);
        c.pingTimeout = loop.schedule(() -> {
            c.pingTimeout = null;
            if (!c.closed && !c.silent) {
                c.close(closeCode, reason);
            }
        }, timeout);
    }
}
