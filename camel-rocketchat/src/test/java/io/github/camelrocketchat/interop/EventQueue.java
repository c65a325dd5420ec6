package io.github.camelrocketchat.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.camelrocketchat.ddp.DdpStreamListener;
import io.github.camelrocketchat.ddp.StreamEvent;

/** Stream events as one listener received them, in order; the test thread waits on them. */
final class EventQueue implements DdpStreamListener {

    private final LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    /** Set on the first event by the callback thread; checked by tests for the threading rule. */
    private volatile String callbackThread;

    @Override
    public void onEvent(StreamEvent event) {
        if (callbackThread == null) {
            callbackThread = Thread.currentThread().getName();
        }
        events.add(event);
    }

    /** The next event (waits up to {@link InteropClients#WAIT}). */
    StreamEvent next() {
        try {
            StreamEvent e = events.poll(InteropClients.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no stream event within " + InteropClients.WAIT);
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Skips events until one matches, returning it and the skipped ones' count in the assertion message when
     * none does.
     */
    StreamEvent nextMatching(Predicate<StreamEvent> p) {
        List<StreamEvent> skipped = new ArrayList<>();
        while (true) {
            StreamEvent e;
            try {
                e = next();
            } catch (AssertionError timeout) {
                throw new AssertionError("no matching stream event; skipped " + skipped, timeout);
            }
            if (p.test(e)) {
                return e;
            }
            skipped.add(e);
        }
    }

    /** Nothing else was received (call after a later event proved the earlier ones were delivered). */
    void assertEmpty() {
        assertThat(events).as("unexpected stream events").isEmpty();
    }

    String callbackThread() {
        return callbackThread;
    }
}
