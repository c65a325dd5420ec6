package io.github.camelrocketchat.ddp;

/** Kinds of inbound frames the client drops (each is logged once at WARN and counted). */
public enum BadFrameKind {
    /** The text is not valid JSON (or has trailing content). */
    INVALID_JSON,
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT,
    /** A known {@code msg} whose fields have the wrong type, are missing, or hold malformed EJSON. */
    WRONG_FIELD_TYPE,
    /** A {@code result} for an id the client never used or already resolved. */
    UNKNOWN_ID,
    /** A binary WebSocket frame (DDP is text only). */
    BINARY
}
