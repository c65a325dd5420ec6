package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.LoginRequest;
import java.util.Objects;

/** Who a session logs in as. {@code toString()} never shows the password or token. */
public sealed interface Credentials {

    /** Username (or e-mail address) and password. */
    static Credentials password(String user, String password) {
        return new Password(user, password);
    }

    /** A personal access token or resume token, with the user id it belongs to (may be null for a resume token). */
    static Credentials token(String userId, String token) {
        return new Token(userId, token);
    }

    /** The DDP login request for these credentials. */
    LoginRequest loginRequest();

    record Password(String user, String password) implements Credentials {
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public LoginRequest loginRequest() {
            return LoginRequest.password(user, password);
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", password=******]";
        }
    }

    record Token(String userId, String token) implements Credentials {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public LoginRequest loginRequest() {
            return LoginRequest.resume(token);
        }

        @Override
        public String toString() {
            return "Token[userId=" + userId + ", token=******]";
        }
    }
}
