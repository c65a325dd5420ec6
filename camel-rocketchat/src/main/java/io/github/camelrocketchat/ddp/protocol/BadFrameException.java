package io.github.camelrocketchat.ddp.protocol;

import io.github.camelrocketchat.ddp.BadFrameKind;

/**
 * A frame that cannot be used. The message says what was wrong and never quotes frame content (it may carry
 * secrets). {@code msg} and {@code id} are filled in when they could be read, so a malformed {@code result}
 * can still fail the call it answers.
 */
public final class BadFrameException extends Exception {
    private final BadFrameKind kind;
    private final String msg;
    private final String id;

    public BadFrameException(BadFrameKind kind, String detail, String msg, String id) {
        super(detail, null, false, false);
        this.kind = kind;
        this.msg = msg;
        this.id = id;
    }

    public BadFrameKind kind() {
        return kind;
    }

    /** The frame's {@code msg}, or null when unknown. */
    public String msg() {
        return msg;
    }

    /** The frame's {@code id} when it was a string, else null. */
    public String id() {
        return id;
    }
}
