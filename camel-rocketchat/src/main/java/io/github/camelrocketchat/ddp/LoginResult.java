package io.github.camelrocketchat.ddp;

import java.time.Instant;

/**
 * The {@code login} method's result.
 *
 * @param userId       the user's id
 * @param token        the resume token (secret: not in {@code toString()})
 * @param tokenExpires when the token expires, or null when the server did not say
 * @param type         {@code password}, {@code resume}, ...
 */
public record LoginResult(String userId, String token, Instant tokenExpires, String type) {
    @Override
    public String toString() {
        return "LoginResult[userId=" + userId + ", token=******, tokenExpires=" + tokenExpires + ", type=" + type + "]";
    }
}
