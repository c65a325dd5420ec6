package io.github.camelrocketchat.session;

/** The life of a {@link RocketChatSession}. */
public enum SessionState {
    /** Created, not started. */
    NEW,
    /** Connecting or logging in for the first time. */
    CONNECTING,
    /** Connected and logged in. */
    READY,
    /** The connection dropped after it was ready; reconnecting and logging in again by itself. */
    RECONNECTING,
    /** The first connect or login failed, or reconnecting gave up ({@code maxReconnectAttempts}). */
    FAILED,
    /** Closed by the registry. */
    CLOSED
}
