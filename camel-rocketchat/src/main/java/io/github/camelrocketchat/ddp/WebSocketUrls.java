package io.github.camelrocketchat.ddp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns the URL a user gives into the raw DDP WebSocket URI ({@code /websocket}, exactly). */
public final class WebSocketUrls {
    private WebSocketUrls() {
    }

    /**
     * {@code ws(s)://...} is used as given; {@code http(s)://host[/prefix]} becomes
     * {@code ws(s)://host[/prefix]/websocket}. User info, query and fragment are refused so that no
     * credential can hide in a URL that gets logged.
     */
    public static URI toWebSocketUri(String url) {
        URI in;
        try {
            in = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid Rocket.Chat server URL '" + masked(url) + "': " + e.getReason());
        }
        String scheme = in.getScheme() == null ? "" : in.getScheme().toLowerCase(Locale.ROOT);
        if (in.getHost() == null) {
            throw new IllegalArgumentException("Invalid Rocket.Chat server URL '" + masked(url) + "': no host");
        }
        if (in.getRawUserInfo() != null || in.getRawQuery() != null || in.getRawFragment() != null) {
            throw new IllegalArgumentException("Rocket.Chat server URL must not carry user info, a query or a fragment: "
                    + in.getScheme() + "://" + in.getHost());
        }
        String path = in.getRawPath() == null ? "" : in.getRawPath();
        String wsScheme;
        switch (scheme) {
            case "ws", "wss" -> {
                return in;
            }
            case "http" -> wsScheme = "ws";
            case "https" -> wsScheme = "wss";
            default -> throw new IllegalArgumentException("Unsupported scheme '" + in.getScheme()
                    + "' in Rocket.Chat server URL; use https://, http://, wss:// or ws://");
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(wsScheme, null, in.getHost(), in.getPort(), path + "/websocket", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid Rocket.Chat server URL '" + masked(url) + "': " + e.getReason());
        }
    }

    /**
     * The URL for an error message: user info, query and fragment (where credentials hide) masked. Everything up
     * to the last {@code @} goes, since a password with a {@code /} in it ends the authority early.
     */
    private static String masked(String url) {
        return url.replaceAll("[?#].*$", "?***").replaceAll("//.*@", "//***@");
    }
}
