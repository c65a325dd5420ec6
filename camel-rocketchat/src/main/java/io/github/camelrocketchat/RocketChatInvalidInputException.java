package io.github.camelrocketchat;

import java.util.Map;

/** The server rejected the call's parameters ({@code Match failed}, {@code invalid-params}, a message too long, ...). */
public class RocketChatInvalidInputException extends RocketChatException {
    public RocketChatInvalidInputException(String message, String error, String reason, Map<String, Object> details,
                                   String method, Throwable cause) {
        super(message, error, reason, details, method, cause);
    }
}
