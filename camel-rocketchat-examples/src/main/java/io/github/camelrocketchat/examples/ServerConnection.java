package io.github.camelrocketchat.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the example routes connect and as whom: a password login or a token login (a personal access token with
 * its user id). {@link #toString()} never shows the password or the token.
 *
 * @param url      the server's site URL, e.g. {@code https://chat.example.com}
 * @param username the bot's username (also with a token: typing events carry it)
 * @param password the password, or null with a token
 * @param token    a personal access token (or resume token), or null with a password
 * @param userId   the user id that goes with the token, or null
 */
public record ServerConnection(String url, String username, String password, String token, String userId) {

    public ServerConnection {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The Rocket.Chat server URL is empty");
        }
        if (password == null && token == null) {
            throw new IllegalArgumentException("No credentials for " + url + ": set ROCKETCHAT_USER and ROCKETCHAT_PASSWORD, "
                    + "or ROCKETCHAT_TOKEN and ROCKETCHAT_USER_ID");
        }
        if (password != null && token != null) {
            throw new IllegalArgumentException("Both a password and a token are set for " + url + ": set only one of them");
        }
        if (password != null && (username == null || username.isBlank())) {
            throw new IllegalArgumentException("A password is set but no username (ROCKETCHAT_USER)");
        }
        if (token != null && (userId == null || userId.isBlank())) {
            throw new IllegalArgumentException("A token is set but not its user id (ROCKETCHAT_USER_ID)");
        }
    }

    /** The camel-main properties that configure the rocketchat component for every endpoint. */
    public Map<String, String> componentProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.rocketchat.server-url", url);
        if (username != null) {
            p.put("camel.component.rocketchat.username", username);
        }
        if (password != null) {
            p.put("camel.component.rocketchat.password", password);
        } else {
            p.put("camel.component.rocketchat.auth-token", token);
            p.put("camel.component.rocketchat.user-id", userId);
        }
        return p;
    }

    @Override
    public String toString() {
        return url + " as " + (username != null ? username : userId) + (password != null ? " (password login)" : " (token login)");
    }
}
