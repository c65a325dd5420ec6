package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpCollectionListener;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.rest.RestCredentials;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a session is logged in as: the user id and token of the last login, and the username (the login name, or what
 * the server published in the {@code users} collection when the login was by e-mail or token). Thread-safe.
 */
final class SessionIdentity {
    private final SessionLogin login;
    private final ConnectionKey key;
    /** Usernames of published {@code users} documents by id; written on the DDP callback thread. */
    private final Map<String, String> publishedUsernames = new ConcurrentHashMap<>();

    SessionIdentity(SessionLogin login, ConnectionKey key) {
        this.login = login;
        this.key = key;
    }

    /** Learns usernames from the {@code users} documents the server publishes on {@code ddp}. */
    void watch(DdpConnection ddp) {
        ddp.onCollection("users", new DdpCollectionListener() {
            @Override
            public void added(String collection, String id, Map<String, Object> fields) {
                if (fields != null && fields.get("username") instanceof String u) {
                    publishedUsernames.put(id, u);
                }
            }
        });
    }

    String userId() {
        LoginResult l = login.last();
        return l == null ? null : l.userId();
    }

    String username() {
        String uid = userId();
        String published = uid == null ? null : publishedUsernames.get(uid);
        if (published != null) {
            return published;
        }
        String u = key.username();
        return u != null && !u.contains("@") ? u : null;
    }

    /** The REST headers' values of the last login, or null before one. */
    RestCredentials restCredentials() {
        LoginResult l = login.last();
        return l == null || l.token() == null ? null : new RestCredentials(l.userId(), l.token());
    }
}
