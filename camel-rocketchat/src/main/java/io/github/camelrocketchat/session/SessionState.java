package io.github.camelrocketchat.session;

/** The life of a {@link RocketChatSession}. */
public enum SessionState {
    /** Created, not started. */
    NEW,
    /** Connecting or logging in. */
    CONNECTING,
    /** Connected and logged in. */
    READY,
    /** The connection dropped after it was ready. */
    LOST,
    /** Connecting or logging in failed. */
    FAILED,
    /** Closed by the registry. */
    CLOSED
}
