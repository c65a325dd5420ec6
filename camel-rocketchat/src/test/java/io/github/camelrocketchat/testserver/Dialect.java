package io.github.camelrocketchat.testserver;

/**
 * Which Rocket.Chat server shape the test server imitates. The differences are the ones the protocol
 * reference names; everything else is shared.
 */
public enum Dialect {
    /** Rocket.Chat 8.x, DDP served by Meteor 3 inside the monolith (the default). */
    MONOLITH_8("8.0.0"),
    /** The enterprise microservice {@code ddp-streamer}: its own DDP implementation on the {@code ws} library. */
    DDP_STREAMER("8.0.0"),
    /** Rocket.Chat 6.x: the methods removed in 7/8 still exist, {@code sendMessage} takes any keys. */
    LEGACY_6("6.13.1");

    private final String version;

    Dialect(String version) {
        this.version = version;
    }

    /** The version {@code GET /api/info} reports. */
    public String version() {
        return version;
    }

    boolean streamer() {
        return this == DDP_STREAMER;
    }

    boolean legacy() {
        return this == LEGACY_6;
    }
}
