package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.LoginRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/** Who a session logs in as. {@code toString()} never shows the password or token. */
public sealed interface Credentials {

    /** Username (or e-mail address) and password. */
    static Credentials password(String user, String password) {
        return new Password(user, password, null);
    }

    /**
     * Username (or e-mail address) and password of a user with TOTP two-factor authentication.
     *
     * @param totpSecret the base32 TOTP secret (what an authenticator app is given), or null
     * @throws IllegalArgumentException when {@code totpSecret} is not base32 (the message shows none of it)
     */
    static Credentials password(String user, String password, String totpSecret) {
        return new Password(user, password, totpSecret);
    }

    /** A personal access token or resume token, with the user id it belongs to (may be null for a resume token). */
    static Credentials token(String userId, String token) {
        return new Token(userId, token);
    }

    /** The DDP login request for these credentials. */
    LoginRequest loginRequest();

    /** The TOTP codes to answer a two-factor challenge with, on {@code clock}'s time; null when there is no secret. */
    default Supplier<String> totpCodes(Clock clock) {
        return null;
    }

    /** @param totpSecret the base32 TOTP secret, or null (a resume or token login is never asked for a code) */
    record Password(String user, String password, String totpSecret) implements Credentials {
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (totpSecret != null) {
                TotpCodes.decodeBase32(totpSecret);
            }
        }

        @Override
        public LoginRequest loginRequest() {
            return LoginRequest.password(user, password);
        }

        @Override
        public Supplier<String> totpCodes(Clock clock) {
            return TotpCodes.of(totpSecret, clock);
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", password=******" + (totpSecret == null ? "" : ", totpSecret=******") + "]";
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
