package io.github.camelrocketchat.ddp;

/**
 * The connection closed (by us or by the peer) while something was waiting on it. Calls that failed
 * this way may or may not have been executed by the server.
 */
public class DdpConnectionClosedException extends DdpException {
    public DdpConnectionClosedException(String message) {
        super(message);
    }

    public DdpConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
