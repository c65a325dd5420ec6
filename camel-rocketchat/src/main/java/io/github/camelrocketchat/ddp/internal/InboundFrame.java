package io.github.camelrocketchat.ddp.internal;

import io.github.camelrocketchat.ddp.protocol.BadFrameException;
import io.github.camelrocketchat.ddp.protocol.DdpCodec;
import io.github.camelrocketchat.ddp.protocol.DdpMessage;

/**
 * A text frame and what decoding it gave: the message, or why it is not one. Decoded on the transport thread.
 *
 * @param text    the frame as received (for the frame trace)
 * @param message the decoded message, or null when {@code error} is set
 * @param error   why the frame is not a DDP message, or null
 */
record InboundFrame(String text, DdpMessage message, BadFrameException error) {

    static InboundFrame decode(String text) {
        try {
            return new InboundFrame(text, DdpCodec.decode(text), null);
        } catch (BadFrameException e) {
            return new InboundFrame(text, null, e);
        }
    }
}
