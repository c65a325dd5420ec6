package io.github.camelrocketchat.testserver;

import java.time.Duration;
import java.util.List;

/**
 * Network and protocol faults to throw at the clients of a {@link RocketChatTestServer}. Each call acts on
 * the connections open at that moment.
 */
public final class FaultControls {

    private final ServerCore core;
    private final JettyHost jetty;
    private final RocketChatTestServer server;

    FaultControls(ServerCore core, JettyHost jetty, RocketChatTestServer server) {
        this.core = core;
        this.jetty = jetty;
        this.server = server;
    }

    /** Drops every connection without a close frame (as a network failure would). */
    public void dropAllConnections() {
        core.loop.run(() -> List.copyOf(core.connections).forEach(c -> {
            c.peer.abort();
            core.protocol.onClose(c);
        }));
    }

    /** Closes every connection with a close frame. */
    public void closeAllConnections(int code, String reason) {
        core.loop.run(() -> List.copyOf(core.connections).forEach(c -> c.close(code, reason)));
    }

    /** Half-open: the server stops reading and writing on every open connection, without closing. */
    public void goSilent() {
        core.loop.run(() -> core.connections.forEach(c -> c.silent = true));
    }

    /** Inbound frames the server dropped unread while silent, over the open connections. */
    public int framesDroppedWhileSilent() {
        return core.loop.call(() -> core.connections.stream().mapToInt(c -> c.droppedWhileSilent).sum());
    }

    /** Ends {@link #goSilent()}: frames that arrived meanwhile stay unread (lost). */
    public void endSilence() {
        core.loop.run(() -> core.connections.forEach(c -> c.silent = false));
    }

    /** Refuses every new request (HTTP 503, WebSocket upgrades included) until {@link #acceptConnections()}. */
    public void refuseConnections() {
        jetty.setRefusing(true);
    }

    /** Refuses new requests for a while, measured on the server's clock (so a test clock controls it). */
    public void refuseConnections(Duration duration) {
        jetty.refuseUntil(core.clock.millis() + duration.toMillis());
    }

    /**
     * Refuses exactly the next {@code n} HTTP requests with 503, whatever they are: WebSocket upgrades and REST
     * calls alike each use one. A client that asks {@code /api/info} between reconnect attempts spends the count
     * faster; {@link #refuseNextWebSocketUpgrades(int)} counts upgrades only.
     */
    public void refuseNextConnections(int n) {
        jetty.refuseNext(n);
    }

    /**
     * Refuses the next {@code n} WebSocket upgrade requests (to {@code /websocket}) with HTTP 503, so that many
     * connect attempts fail during the handshake; REST requests are served meanwhile and do not count.
     */
    public void refuseNextWebSocketUpgrades(int n) {
        jetty.refuseNextUpgrades(n);
    }

    /** WebSocket upgrade requests answered 503 since the server was built, by any of the refusal controls. */
    public int refusedWebSocketUpgrades() {
        return jetty.refusedUpgrades();
    }

    /** Ends every refusal: the switch, the timed one and both counts. */
    public void acceptConnections() {
        jetty.setRefusing(false);
        jetty.refuseUntil(0);
        jetty.refuseNext(0);
        jetty.refuseNextUpgrades(0);
    }

    /**
     * Stops and starts the server on the same port: every socket is closed (clients see the close or an abort),
     * and users, resume tokens, rooms, memberships, messages and the deletion log are kept, so clients can
     * resume their login and catch up with {@code loadMissedMessages} or REST {@code chat.syncMessages}.
     * Faults set on {@link FaultControls} and the frame recorder are kept too.
     */
    public void restart() {
        server.restart();
    }

    /** Sends a frame that is not valid JSON to every connection. */
    public void sendMalformedFrame() {
        core.loop.run(() -> core.connections.forEach(c -> c.sendText("{\"msg\":\"changed\",\"collection\":")));
    }

    /** Sends a valid DDP {@code changed} frame of about {@code bytes} bytes on {@code stream-notify-all} to everyone. */
    public void sendHugeFrame(int bytes) {
        String filler = "x".repeat(Math.max(0, bytes - 100));
        String frame = "{\"msg\":\"changed\",\"collection\":\"stream-notify-all\",\"id\":\"id\",\"fields\":"
                + "{\"eventName\":\"huge\",\"args\":[\"" + filler + "\"]}}";
        core.loop.run(() -> core.connections.forEach(c -> c.sendText(frame)));
    }

    /** Sends a binary WebSocket frame to every connection (not part of DDP). */
    public void sendBinaryFrame() {
        core.loop.run(() -> core.connections.forEach(c -> c.sendBinary(new byte[] {0, 1, 2, 3})));
    }

    /** Delays every later call of this method by {@code delay}; later frames of that connection wait (pings do not). */
    public void delayMethod(String method, Duration delay) {
        core.loop.run(() -> core.methodDelays.put(method, delay));
    }

    /** Later calls are not delayed; calls already waiting keep their delay (see {@link #releaseDelayedMethods()}). */
    public void clearMethodDelays() {
        core.loop.run(core.methodDelays::clear);
    }

    /**
     * Answers every call that {@link #delayMethod} is holding, now, in the order they came; the frames queued behind
     * them follow. With a delay far longer than any test (e.g. an hour), a test decides itself when the late answer
     * comes, so a timeout or a stop it wants to see first cannot lose that race on a slow machine. When this returns
     * the answers have been handed to the sockets. Calls made later are still delayed until
     * {@link #clearMethodDelays()}.
     */
    public void releaseDelayedMethods() {
        core.loop.run(core.methods::releaseDelayedCalls);
    }

    /**
     * With {@code true}, a method's {@code updated} and {@code result} reach its caller before the stream events
     * the same call caused on the caller's socket (e.g. the {@code stream-room-messages} event of its own
     * {@code sendMessage}), as when the server's change watcher lags. Other sockets get their events as before.
     * {@code false} restores the default: events first, then {@code updated}, then {@code result}. A real server
     * promises neither order.
     */
    public void reorderMethodReplies(boolean repliesFirst) {
        core.loop.run(() -> core.replyOrder = repliesFirst ? ReplyOrder.REPLIES_FIRST : ReplyOrder.DEFAULT);
    }

    /**
     * Puts each of a method's {@code updated} and {@code result} at a random place among the stream events the
     * call caused on the caller's socket (the events keep their own order; {@code updated} and {@code result}
     * may swap). The places come from a {@link java.util.Random} with this seed, drawn call after call, so the
     * same seed and the same calls give the same frames. {@link #reorderMethodReplies(boolean)} ends it.
     */
    public void shuffleMethodReplies(long seed) {
        core.loop.run(() -> core.replyOrder = ReplyOrder.shuffled(seed));
    }

    /**
     * With {@code true}, every stream event frame ({@code changed} on a {@code stream-*} collection, presence
     * included) goes to each matching subscription twice, as a server may re-emit after a change-stream hiccup;
     * clients must treat events as idempotent upserts. {@code false} (the default) sends each once.
     */
    public void duplicateStreamEvents(boolean on) {
        core.loop.run(() -> core.duplicateStreamEvents = on);
    }
}
