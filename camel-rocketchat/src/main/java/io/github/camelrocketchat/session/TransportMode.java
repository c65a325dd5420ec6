package io.github.camelrocketchat.session;

import java.util.Locale;

/** How producer calls reach the server: the {@code transport} option. */
public enum TransportMode {
    /** DDP where the server still has the method, the REST equivalent where it does not. */
    AUTO,
    /** Always the DDP method. */
    DDP,
    /** Always REST: the dedicated endpoint where one exists, otherwise {@code method.call/<method>}. */
    REST;

    /** Parses {@code auto}, {@code ddp} or {@code rest} (any case). */
    public static TransportMode parse(String value) {
        if (value == null) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid transport '" + value + "': use auto, ddp or rest", e);
        }
    }
}
