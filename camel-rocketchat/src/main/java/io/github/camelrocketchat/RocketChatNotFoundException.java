package io.github.camelrocketchat;

import java.util.Map;

/** What the call names does not exist: a method, room, message or user. */
public class RocketChatNotFoundException extends RocketChatException {
    public RocketChatNotFoundException(String message, String error, String reason, Map<String, Object> details,
                                   String method, Throwable cause) {
        super(message, error, reason, details, method, cause);
    }
}
