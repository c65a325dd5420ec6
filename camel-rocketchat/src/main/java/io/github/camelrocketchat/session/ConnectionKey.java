package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.WebSocketUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything that makes two endpoints need different connections: the WebSocket URL, the identity and the TLS
 * settings. Endpoints with equal keys share one socket and one login.
 *
 * <p>The secret (password or token, and a TOTP secret) takes part only as a SHA-256 hash, and {@link #toString()}
 * shows neither the secret nor its hash.
 *
 * @param url        the DDP WebSocket URI, normalised ({@code ws(s)://host[/prefix]/websocket})
 * @param username   the login username or e-mail, or null for a token login
 * @param userId     the user id given with a personal access token, or null
 * @param secretKind {@code password}, {@code token} or {@code none}
 * @param secretHash hex SHA-256 of the secret (with its kind), or null
 * @param tls        the {@code SSLContextParameters} instance in use (compared by identity), or null for the JVM default
 */
public record ConnectionKey(String url, String username, String userId, String secretKind, String secretHash, Object tls) {

    /**
     * Derives the key: the one place that does it.
     *
     * @param serverUrl the site or DDP URL as configured
     * @param tls       what identifies the TLS settings (compared by identity), or null for the JVM default
     */
    public static ConnectionKey of(String serverUrl, Credentials credentials, Object tls) {
        String url = WebSocketUrls.toWebSocketUri(serverUrl).toString();
        if (credentials instanceof Credentials.Token t) {
            return new ConnectionKey(url, null, t.userId(), "token", sha256("token:" + t.token()), tls);
        }
        Credentials.Password p = (Credentials.Password) credentials;
        // the TOTP secret takes part only through the hash: an endpoint with a wrong or missing one does not ride on
        // (or spoil) the session of one that has it
        String secret = "password:" + p.password() + (p.totpSecret() == null ? "" : "\ntotp:" + p.totpSecret());
        return new ConnectionKey(url, p.user(), null, "password", sha256(secret), tls);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionKey k && url.equals(k.url) && java.util.Objects.equals(username, k.username)
                && java.util.Objects.equals(userId, k.userId) && secretKind.equals(k.secretKind)
                && java.util.Objects.equals(secretHash, k.secretHash) && tls == k.tls;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(url, username, userId, secretKind, secretHash, System.identityHashCode(tls));
    }

    /** Identity without the secret: {@code alice@wss://chat.example.com/websocket}. */
    public String describe() {
        String who = username != null ? username : userId != null ? userId : "token user";
        return who + "@" + url;
    }

    @Override
    public String toString() {
        return "ConnectionKey[url=" + url + ", username=" + username + ", userId=" + userId + ", credentials="
                + secretKind + ", tls=" + (tls == null ? "default" : "custom#" + Integer.toHexString(System.identityHashCode(tls))) + "]";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
