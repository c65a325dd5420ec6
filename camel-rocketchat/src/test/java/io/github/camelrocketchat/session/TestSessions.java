package io.github.camelrocketchat.session;

import java.net.URI;
import java.time.Duration;

/** Session settings for tests (nothing listens on the URL: DDP goes through a fake, REST finds a closed port). */
public final class TestSessions {
    private TestSessions() {
    }

    public static SessionSettings settings(String url, String username, String password) {
        ConnectionKey key = new ConnectionKey(url, username, null, "password", Integer.toHexString(password.hashCode()), null);
        return new SessionSettings(key, URI.create(url), Credentials.password(username, password), null,
                Duration.ofSeconds(2), Duration.ofSeconds(25), Duration.ofSeconds(10), Duration.ofSeconds(2),
                SessionSettings.Reconnect.defaults(), SessionSettings.DEFAULT_MAX_PENDING_CALLS);
    }
}
