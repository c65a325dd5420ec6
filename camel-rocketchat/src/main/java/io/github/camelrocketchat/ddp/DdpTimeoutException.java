package io.github.camelrocketchat.ddp;

/** A method call or subscription got no answer in time. The message names the method and the id. */
public class DdpTimeoutException extends DdpException {
    public DdpTimeoutException(String message) {
        super(message);
    }
}
