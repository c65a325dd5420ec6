package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.model.ChatMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the simulated human sees in her rooms: every message event, in order, so the demo can wait until the routes'
 * effects show up ("the bot answered in the thread", "the mirror was deleted").
 *
 * <p>Thread-safe: the observer route adds, the demo thread waits; guarded by {@code this}.
 */
public final class SeenMessages {

    /** One message event as seen. */
    public record Seen(String event, String roomName, ChatMessage message) {
        public String author() {
            return message.author() == null ? null : message.author().username();
        }
    }

    private final List<Seen> seen = new ArrayList<>();

    /** Called by the observer route for every message event. */
    public synchronized void add(String event, String roomName, ChatMessage message) {
        seen.add(new Seen(event, roomName, message));
        notifyAll();
    }

    /**
     * Waits for the first event (counting from the start) that matches.
     *
     * @return the event, or empty after {@code timeout}
     */
    public synchronized Optional<Seen> await(Predicate<Seen> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Seen s : seen) {
                if (match.test(s)) {
                    return Optional.of(s);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized List<Seen> all() {
        return List.copyOf(seen);
    }
}
