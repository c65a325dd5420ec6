package io.github.camelrocketchat;

import java.util.Map;

/** The server refused the call: not logged in, no permission, or the action is disabled. */
public class RocketChatNotAuthorizedException extends RocketChatException {
    public RocketChatNotAuthorizedException(String message, String error, String reason, Map<String, Object> details,
                                   String method, Throwable cause) {
        super(message, error, reason, details, method, cause);
    }
}
