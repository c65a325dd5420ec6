package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A steady stream of numbered messages: every period a simulated user posts {@code <room>#<n>} into each room, n
 * counting from 1 per room, on a thread of its own, until {@link #stop()}.
 */
final class NumberedPosts implements AutoCloseable {

    private final RocketChatTestServer server;
    private final String user;
    private final List<String> rooms;
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "numbered-posts");
        t.setDaemon(true);
        return t;
    });
    /** Written by the poster thread only; read after {@link #stop()} or through {@link #posted()}. */
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private volatile RuntimeException failure;

    NumberedPosts(RocketChatTestServer server, String user, List<String> rooms) {
        this.server = server;
        this.user = user;
        this.rooms = List.copyOf(rooms);
        rooms.forEach(r -> counts.put(r, 0));
    }

    void start(Duration period) {
        poster.scheduleAtFixedRate(this::postOneEach, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void postOneEach() {
        try {
            for (String room : rooms) {
                int n;
                synchronized (counts) {
                    n = counts.merge(room, 1, Integer::sum);
                }
                server.as(user).send(room, room + "#" + n);
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** Room to the number of messages posted so far. */
    Map<String, Integer> posted() {
        synchronized (counts) {
            return Map.copyOf(counts);
        }
    }

    /** Ends the stream once the post in progress is done; returns room to the number of messages posted. */
    Map<String, Integer> stop() throws InterruptedException {
        poster.shutdown();
        if (!poster.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the poster did not stop");
        }
        if (failure != null) {
            throw new IllegalStateException("a post failed", failure);
        }
        return posted();
    }

    @Override
    public void close() {
        poster.shutdownNow();
    }
}
