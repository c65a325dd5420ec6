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
            // not the parsed host: with a '@' or '#' in a password, what URI calls the host is part of the password
            throw new IllegalArgumentException("Rocket.Chat server URL must not carry user info, a query or a fragment: "
                    + masked(url));
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
     * The URL for a message or a log line: user info, query and fragment (where credentials hide) masked, user info
     * first. A password may hold {@code /}, {@code ?}, {@code #} and {@code @}, so everything between the scheme and
     * the last {@code @} goes before anything else is looked at; then everything from the first {@code ?} or
     * {@code #}. Masking too much is harmless; masking the query first would cut a password at its {@code #} and
     * leave its first part in the message.
     */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        String s = url.trim();
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            int slashes = s.indexOf("//");
            int start = slashes >= 0 && slashes < at ? slashes + 2 : 0;
            s = s.substring(0, start) + "***" + s.substring(at);
        }
        int query = indexOfQueryOrFragment(s);
        return query < 0 ? s : s.substring(0, query) + "?***";
    }

    private static int indexOfQueryOrFragment(String s) {
        int q = s.indexOf('?');
        int f = s.indexOf('#');
        return q < 0 ? f : f < 0 ? q : Math.min(q, f);
    }
}
