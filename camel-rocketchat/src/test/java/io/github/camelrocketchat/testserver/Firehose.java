package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A benchmark control: a burst of room messages, stored up front like any message (so a client that falls behind
 * gap-fills them from {@code chat.syncMessages} or {@code loadMissedMessages}), whose {@code stream-room-messages}
 * frames are rendered once and then written in batches, bypassing the server thread, the chat model and the frame
 * recorder. What it measures is the client: the server's own cost per frame is one socket write.
 *
 * <p>Each batch is handed to the socket as one flush and the next waits until the socket took it, so memory stays
 * bounded by one batch per subscriber and a slow reader slows the source (TCP backpressure) instead of growing a queue.
 */
public final class Firehose {

    private final ServerCore core;
    private final String roomId;
    private final List<String> frames;

    private Firehose(ServerCore core, String roomId, List<String> frames) {
        this.core = core;
        this.roomId = roomId;
        this.frames = frames;
    }

    /**
     * Stores {@code count} messages by {@code author} in {@code room} (no events yet) and renders their frames.
     *
     * @param textLength the length of each message text; 120 gives frames of about 400 bytes, like a short chat line
     *                   with its markdown tree
     */
    static Firehose prepare(ServerCore core, RoomRecord room, UserRecord author, int count, int textLength) {
        List<String> frames = new ArrayList<>(count);
        long base = core.now();
        for (int i = 0; i < count; i++) {
            String text = text(i, textLength);
            // distinct, increasing timestamps: the order a client's cursor and gap-fill rely on
            MessageRecord m = new MessageRecord(core.ids.id(), room.id, text, base + i, author);
            core.store.messages.put(m.id, m);
            room.msgs++;
            room.lm = m.ts;
            room.lastMessage = m;
            room.updatedAt = m.updatedAt;
            ObjectNode frame = StreamHub.changed("stream-room-messages", "id", room.id, Json.arrOf(Docs.message(m, Dates.EJSON)));
            frames.add(Json.write(frame));
        }
        return new Firehose(core, room.id, frames);
    }

    private static String text(int i, int length) {
        StringBuilder sb = new StringBuilder(length).append("firehose ").append(i).append(' ');
        while (sb.length() < length) {
            sb.append("lorem ipsum ");
        }
        sb.setLength(length);
        return sb.toString();
    }

    public int size() {
        return frames.size();
    }

    /** The size in bytes of the first frame (they differ only in ids, numbers and dates). */
    public int frameBytes() {
        return frames.isEmpty() ? 0 : frames.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public String roomId() {
        return roomId;
    }

    /**
     * Writes every frame to every connection subscribed to the room's messages now, {@code batch} frames per flush,
     * on the calling thread. Returns once the last batch was written (not read).
     */
    public void fire(int batch) {
        fire(0, frames.size(), batch);
    }

    /** Writes frames {@code from} (inclusive) to {@code to} (exclusive), {@code batch} per flush, on the calling thread. */
    public void fire(int from, int to, int batch) {
        List<Peer> peers = core.loop.call(this::subscribers);
        for (int start = from; start < to; start += batch) {
            List<String> slice = frames.subList(start, Math.min(to, start + batch));
            List<CompletableFuture<Void>> written = new ArrayList<>(peers.size());
            for (Peer p : peers) {
                written.add(p.sendBatch(slice));
            }
            CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
        }
    }

    /**
     * Writes frame {@code i} at {@code i / perSecond} seconds from now, one frame per write, each recorded in
     * {@code writtenAt[i]} ({@link System#nanoTime()} just before the write): the source of a latency measurement.
     */
    public void fireSteady(int perSecond, long[] writtenAt) {
        List<Peer> peers = core.loop.call(this::subscribers);
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < frames.size(); i++) {
            long due = start + i * period;
            long now;
            while ((now = System.nanoTime()) < due) {
                if (due - now > 200_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - now - 100_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            writtenAt[i] = System.nanoTime();
            for (Peer p : peers) {
                p.sendText(frames.get(i));
            }
        }
    }

    private List<Peer> subscribers() {
        List<Peer> peers = new ArrayList<>();
        for (DdpConnection c : core.connections) {
            if (!c.closed && !c.silent && c.subs.values().stream().anyMatch(s -> s.matches("stream-room-messages", roomId))) {
                peers.add(c.peer);
            }
        }
        return peers;
    }
}
