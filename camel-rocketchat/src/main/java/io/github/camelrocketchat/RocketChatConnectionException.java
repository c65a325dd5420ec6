package io.github.camelrocketchat;

import java.util.Map;

/**
 * The connection to Rocket.Chat ended before the call's answer came, or the session gave up reconnecting. The
 * call may or may not have reached the server; retrying it (Camel's redelivery) on the restored connection is the
 * usual remedy.
 */
public class RocketChatConnectionException extends RocketChatException {
    public RocketChatConnectionException(String message, String error, String reason, Map<String, Object> details,
                                         String method, Throwable cause) {
        super(message, error, reason, details, method, cause);
    }
}
