package io.github.camelrocketchat.testserver;

/**
 * A user created on the test server. Holds no secret itself: tokens are minted on demand and the password
 * digest is computed from what the test passes. {@code toString()} prints id and username only.
 */
public final class TestUser {

    private final RocketChatTestServer server;
    private final String id;
    private final String username;
    private final String name;

    TestUser(RocketChatTestServer server, String id, String username, String name) {
        this.server = server;
        this.id = id;
        this.username = username;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    /** A fresh resume token for this user (as a previous login would have returned). */
    public String newLoginToken() {
        return server.createLoginToken(username);
    }

    /** A personal access token usable as {@code resume} and as REST {@code X-Auth-Token}. */
    public String newPersonalAccessToken(String tokenName) {
        return server.createPersonalAccessToken(username, tokenName);
    }

    /** The TOTP code the user's authenticator shows now (server clock); fails when 2FA is off. */
    public String currentTotpCode() {
        return server.totpCode(username);
    }

    /** Acts as this user (send, edit, react, type...). */
    public ActingUser act() {
        return server.as(username);
    }

    /** Lower-case hex SHA-256 of a password, the {@code digest} a DDP login sends. */
    public static String digest(String password) {
        return Ids.sha256Hex(password);
    }

    @Override
    public String toString() {
        return "TestUser[" + id + ", " + username + "]";
    }
}
