package io.github.camelrocketchat.testserver;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Every frame in both directions, per connection, with direction and server time. Written on the server
 * thread, read from test threads (the list is concurrent).
 */
public final class FrameRecorder {

    private final List<RecordedFrame> frames = new CopyOnWriteArrayList<>();
    private final Clock clock;
    /** Set by the builder; read on the server thread. */
    private volatile boolean enabled;

    FrameRecorder(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    void record(String connectionId, RecordedFrame.Direction direction, String text, boolean binary) {
        if (enabled) {
            frames.add(new RecordedFrame(connectionId, direction, clock.instant(), text, binary));
        }
    }

    /** Turns recording on or off (on by default in tests, off in the standalone main). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** All frames so far, in order. */
    public List<RecordedFrame> all() {
        return List.copyOf(frames);
    }

    /** Frames of one connection. */
    public List<RecordedFrame> of(String connectionId) {
        return matching(f -> f.connectionId().equals(connectionId));
    }

    /** Frames matching a predicate. */
    public List<RecordedFrame> matching(Predicate<RecordedFrame> predicate) {
        return frames.stream().filter(predicate).toList();
    }

    /** Frames in one direction whose {@code msg} equals the given value. */
    public List<RecordedFrame> withMsg(RecordedFrame.Direction direction, String msg) {
        return matching(f -> f.direction() == direction && msg.equals(f.msg()));
    }

    /** Ids of the connections seen, in order of their first frame. */
    public List<String> connectionIds() {
        return frames.stream().map(RecordedFrame::connectionId).distinct().toList();
    }

    public void clear() {
        frames.clear();
    }
}
