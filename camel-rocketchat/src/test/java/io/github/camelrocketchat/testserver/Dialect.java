package io.github.camelrocketchat.testserver;

/**
 * Which Rocket.Chat server shape the test server imitates. The differences are the ones Rocket.Chat's release
 * notes and sources name; everything else is shared. The method set follows the version: {@code deleteMessage}
 * was removed in 7.0.0, {@code sendMessage} became strict about its keys in 7.1.0, {@code setReaction} and
 * {@code getRoomRoles} were removed in 8.0.0.
 */
public enum Dialect {
    /** Rocket.Chat 8.x, DDP served by Meteor 3 inside the monolith (the default). */
    MONOLITH_8("8.0.0"),
    /** The enterprise microservice {@code ddp-streamer}: its own DDP implementation on the {@code ws} library. */
    DDP_STREAMER("8.0.0"),
    /**
     * Rocket.Chat 7.1 and later 7.x: no {@code deleteMessage}; strict {@code sendMessage}; {@code setReaction}
     * and {@code getRoomRoles} still exist; REST {@code method.call} answers method errors with HTTP 200.
     */
    MONOLITH_7("7.10.0"),
    /** Rocket.Chat 7.0: as {@link #MONOLITH_7}, but {@code sendMessage} still takes any keys. */
    MONOLITH_7_0("7.0.0"),
    /**
     * Rocket.Chat 6.x: the methods removed in 7/8 still exist, {@code sendMessage} takes any keys, no
     * {@code stream-user-presence}, {@code stream-notify-room} needs membership.
     */
    LEGACY_6("6.13.1");

    private final String version;
    private final int major;
    private final int minor;

    Dialect(String version) {
        this.version = version;
        String[] parts = version.split("\\.");
        this.major = Integer.parseInt(parts[0]);
        this.minor = Integer.parseInt(parts[1]);
    }

    /** The version {@code GET /api/info} reports. */
    public String version() {
        return version;
    }

    boolean streamer() {
        return this == DDP_STREAMER;
    }

    /** The 6.x-only choices that are not a method being present: presence stream, notify-room read rule. */
    boolean legacy() {
        return this == LEGACY_6;
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** {@code deleteMessage} over DDP: removed in 7.0.0 (use REST {@code chat.delete}). */
    boolean hasDeleteMessageMethod() {
        return !atLeast(7, 0);
    }

    /** {@code setReaction} and {@code getRoomRoles} over DDP: deprecated in 7.x, removed in 8.0.0. */
    boolean hasPre8Methods() {
        return !atLeast(8, 0);
    }

    /** {@code sendMessage} checks its keys against an allow-list since 7.1.0 ({@code Match failed} otherwise). */
    boolean strictSendMessage() {
        return atLeast(7, 1);
    }

    /**
     * REST {@code method.call} answers a method error with HTTP 400 and {@code success:false} on 8.x; 6.x and 7.x
     * wrap the error in {@code API.v1.success}, so HTTP 200 and {@code success:true}.
     */
    boolean methodCallErrorsAre400() {
        return atLeast(8, 0);
    }
}
