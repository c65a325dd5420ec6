package io.github.camelrocketchat.ddp.internal;

import java.time.Duration;

/** Short human-readable durations for messages ("30 s", "250 ms", "1.5 s"). */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
