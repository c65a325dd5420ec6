package io.github.camelrocketchat.ddp;

/** Base of every failure the DDP client reports. Never carries a credential in its message. */
public class DdpException extends RuntimeException {
    public DdpException(String message) {
        super(message);
    }

    public DdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
