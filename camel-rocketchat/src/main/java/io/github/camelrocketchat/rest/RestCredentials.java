package io.github.camelrocketchat.rest;

import java.util.Objects;

/**
 * What REST calls authenticate with: the {@code X-User-Id} and {@code X-Auth-Token} headers.
 *
 * @param userId    the user id
 * @param authToken a login (resume) token or a personal access token (secret: not in {@code toString()})
 */
public record RestCredentials(String userId, String authToken) {
    public RestCredentials {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(authToken, "authToken");
    }

    @Override
    public String toString() {
        return "RestCredentials[userId=" + userId + ", authToken=******]";
    }
}
