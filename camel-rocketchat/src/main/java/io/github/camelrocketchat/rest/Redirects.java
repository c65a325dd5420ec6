package io.github.camelrocketchat.rest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The REST client's redirect rule. The JDK client's own redirects are off ({@code Redirect.NEVER}): it would send
 * the {@code X-Auth-Token} and {@code X-User-Id} headers to wherever a {@code Location} points. This follows a
 * redirect only within the origin (scheme, host and port) of the configured server, at most {@link #MAX_HOPS} times;
 * a redirect anywhere else fails the call with a {@link RestException} that names the other origin (never its path or
 * query) and what to configure instead. Nothing is sent to the other origin.
 */
final class Redirects {
    static final int MAX_HOPS = 5;

    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Where to send the request next.
     *
     * @param server  the configured site URL: its origin is the only one credentials go to
     * @param current the URI that answered {@code status}
     * @param hops    redirects followed so far
     * @throws RestException when the redirect leaves the origin, has no usable {@code Location}, would turn a request
     *                       with a body into a GET, or is one too many
     */
    static URI next(String endpoint, URI server, URI current, String verb, boolean hasBody, int status,
                    Optional<String> location, int hops) {
        if (location.isEmpty() || location.get().isBlank()) {
            throw new RestException(endpoint, status, null, "a redirect without a Location header", null);
        }
        URI target;
        try {
            target = current.resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
            throw new RestException(endpoint, status, null, "a redirect to an unreadable Location", null);
        }
        if (!origin(target).equals(origin(server))) {
            throw new RestException(endpoint, status, null, "the server redirected to another origin (" + origin(target)
                    + "); the login token is never sent to another origin, so the call was not repeated there. Set "
                    + "serverUrl to the address the server redirects to (for example https:// instead of http://)", null);
        }
        if (hops >= MAX_HOPS) {
            throw new RestException(endpoint, status, null, "more than " + MAX_HOPS + " redirects", null);
        }
        if (status != 307 && status != 308 && (hasBody || !"GET".equals(verb))) {
            throw new RestException(endpoint, status, null, "a " + status + " redirect would turn " + verb
                    + " into GET and drop the request body; set serverUrl to the address the server redirects to", null);
        }
        return target;
    }

    /** {@code scheme://host:port} with the default port made explicit; user info, path and query left out. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + host + ":" + port;
    }
}
