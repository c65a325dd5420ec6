package io.github.camelrocketchat.testserver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * State of one DDP connection (a Meteor session). Every field is touched only on the server thread.
 */
final class DdpConnection {

    /** Server-side id used by the recorder and the counters ({@code c1}, {@code c2}, ...). */
    final String id;
    final Peer peer;
    private final FrameRecorder recorder;
    /** Session id sent in {@code connected}; null until then. */
    String sessionId;
    /** Negotiated DDP version; null until connected. */
    String version;
    /** Logged-in user id, or null. */
    String userId;
    /** Hash of the token this connection logged in with (destroyed by logout). */
    String tokenHash;
    /** Subscriptions by client id, in subscription order. */
    final Map<String, ActiveSub> subs = new LinkedHashMap<>();
    /** The stream-user-presence carrier sub id, and the uids it watches. */
    String presenceCarrier;
    final Set<String> watchedPresence = new LinkedHashSet<>();
    /** Whether the users document of the logged-in user has been published. */
    String publishedUserId;
    /** Heartbeat: inbound traffic since the last check, the outstanding ping's timeout, the repeating check. */
    boolean receivedSinceCheck;
    ScheduledFuture<?> pingTimeout;
    ScheduledFuture<?> heartbeatTask;
    /** Half-open fault: neither reads nor writes while set. */
    boolean silent;
    /** Inbound frames dropped unread while silent. */
    int droppedWhileSilent;
    boolean closed;
    /** A delayed method is running: later sub/method/unsub frames wait here (pings do not). */
    boolean busy;
    final Deque<JsonNode> queued = new ArrayDeque<>();
    /**
     * While a method of this connection runs under a reply-order fault: the stream events it caused here, sent
     * only once its replies are built. Null otherwise.
     */
    List<ObjectNode> heldEvents;

    DdpConnection(String id, Peer peer, FrameRecorder recorder) {
        this.id = id;
        this.peer = peer;
        this.recorder = recorder;
    }

    boolean connected() {
        return sessionId != null;
    }

    void send(ObjectNode frame) {
        if (heldEvents != null && isStreamEvent(frame)) {
            heldEvents.add(frame);
            return;
        }
        sendText(Json.write(frame));
    }

    private static boolean isStreamEvent(ObjectNode frame) {
        return "changed".equals(frame.path("msg").asText()) && frame.path("collection").asText().startsWith("stream-");
    }

    void sendText(String text) {
        if (closed || silent) {
            return;
        }
        recorder.record(id, RecordedFrame.Direction.OUT, text, false);
        peer.sendText(text);
    }

    void sendBinary(byte[] data) {
        if (closed || silent) {
            return;
        }
        recorder.record(id, RecordedFrame.Direction.OUT, "<binary " + data.length + " bytes>", true);
        peer.sendBinary(java.nio.ByteBuffer.wrap(data));
    }

    void recordInbound(String text) {
        recorder.record(id, RecordedFrame.Direction.IN, text, false);
    }

    void close(int code, String reason) {
        if (!closed) {
            peer.close(code, reason);
        }
    }

    void cancelTimers() {
        if (pingTimeout != null) {
            pingTimeout.cancel(false);
            pingTimeout = null;
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
            heartbeatTask = null;
        }
    }

    @Override
    public String toString() {
        return "DdpConnection[" + id + "]";
    }
}
