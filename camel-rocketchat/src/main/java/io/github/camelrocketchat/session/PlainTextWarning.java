package io.github.camelrocketchat.session;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WARN a session logs once when it is about to log in over an unencrypted socket ({@code ws://}, hence also
 * {@code http://} for REST) to a host that is not the loopback interface: the password travels as an unsalted
 * SHA-256 digest that anyone who sees it can replay as is, and tokens and messages travel in clear.
 */
final class PlainTextWarning {
    private static final Logger LOG = LoggerFactory.getLogger(PlainTextWarning.class);

    private PlainTextWarning() {
    }

    /** Logs the warning when {@code webSocketUri} is plain text to a host other than loopback; true when it did. */
    static boolean check(String name, URI webSocketUri, Credentials credentials) {
        String scheme = webSocketUri.getScheme() == null ? "" : webSocketUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("http") || isLoopback(webSocketUri.getHost())) {
            return false;
        }
        String secret = credentials instanceof Credentials.Password
                ? "the password's SHA-256 digest, which anyone on the path can replay to log in as this user,"
                : "the token, which anyone on the path can use to act as this user,";
        LOG.warn("{}: {}://{} is not encrypted: {} every later resume token and every message travel in clear text. "
                + "Use https:// or wss:// for any server that is not on this machine", name, scheme, webSocketUri.getHost(), secret);
        return true;
    }

    /** {@code localhost} or a loopback IP literal; a host name is never resolved (no DNS lookup here). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-f:.%\\w]+");
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
