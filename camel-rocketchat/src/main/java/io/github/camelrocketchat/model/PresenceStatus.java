package io.github.camelrocketchat.model;

/** Names of the numeric presence codes streams use. */
public final class PresenceStatus {
    private PresenceStatus() {
    }

    /** {@code 0} offline, {@code 1} online, {@code 2} away, {@code 3} busy; null for an unknown code. */
    public static String name(Integer code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case 0 -> "offline";
            case 1 -> "online";
            case 2 -> "away";
            case 3 -> "busy";
            default -> null;
        };
    }
}
