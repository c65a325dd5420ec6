package io.github.camelrocketchat.ddp;

/**
 * How a method call behaves when the connection drops after its frame was sent.
 *
 * @param resendable false (the default): the call fails with {@link DdpConnectionClosedException} because the
 *                   server may or may not have run it (Meteor's {@code noRetry} rule: never resend blindly). True:
 *                   the call is sent again after the next reconnect's handshake; only for calls the server
 *                   treats as idempotent, e.g. {@code sendMessage} with a client-chosen {@code _id}.
 */
public record CallOptions(boolean resendable) {
    /** Not resendable. */
    public static final CallOptions DEFAULT = new CallOptions(false);
    /** Sent again after a reconnect when its result did not arrive. */
    public static final CallOptions RESENDABLE = new CallOptions(true);
}
