package io.github.camelrocketchat.ddp;

import java.util.Objects;

/**
 * What to log in with. {@code toString()} never shows a password or token.
 */
public sealed interface LoginRequest {

    /** Password login; the password is sent as a lower-case hex SHA-256 digest, never in clear. */
    static LoginRequest password(String usernameOrEmail, String password) {
        return new Password(usernameOrEmail, password);
    }

    /** Resume login with a token from an earlier login, or a personal access token. */
    static LoginRequest resume(String token) {
        return new Resume(token);
    }

    /** {@code user} is an e-mail address when it contains {@code @}, otherwise a username. */
    record Password(String user, String password) implements LoginRequest {
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", password=******]";
        }
    }

    record Resume(String token) implements LoginRequest {
        public Resume {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Resume[token=******]";
        }
    }
}
