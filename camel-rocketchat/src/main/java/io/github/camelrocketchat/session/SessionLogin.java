package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.HandshakeCalls;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login a session does on every new socket, before anything else is sent on it (the DDP client's handshake):
 * Rocket.Chat forgets the login with the socket. On a reconnect it first resumes with the token of the last login
 * while that token has not expired (the cheap path, and the one every server shape implements itself); when the
 * server refuses it, or on the first connect, it logs in with the configured credentials (password or personal
 * access token), answering a TOTP challenge when a code supplier is configured. {@link #relogin} logs in with the
 * credentials on the live socket (a renewal of the token, see {@link TokenRenewal}). A two-factor refusal becomes a
 * {@link SessionException} that says what to configure ({@link TwoFactorErrors}).
 *
 * <p>Thread-safety: the handshake runs on the DDP callback thread, one at a time; a relogin may overlap it (its
 * result is remembered like any other); {@link #last()} is read anywhere.
 */
final class SessionLogin {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLogin.class);
    /** A token this close to its expiry is not worth a round trip. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private final String name;
    private final Credentials credentials;
    private final Supplier<String> totp;
    private final Clock clock;
    private final Consumer<LoginResult> onLogin;
    /** The last successful login; written on the callback thread, read anywhere. */
    private volatile LoginResult last;

    /** @param onLogin told of every successful login, on the thread that completed it */
    SessionLogin(String name, Credentials credentials, Supplier<String> totp, Clock clock, Consumer<LoginResult> onLogin) {
        this.name = name;
        this.credentials = credentials;
        this.totp = totp;
        this.clock = clock;
        this.onLogin = onLogin;
    }

    /** The DDP client's handshake: completes when the socket is logged in. */
    CompletableFuture<LoginResult> handshake(HandshakeCalls calls) {
        LoginResult previous = last;
        if (calls.reconnect() && previous != null && previous.token() != null && !expired(previous)) {
            return calls.login(LoginRequest.resume(previous.token()), null).handle((result, error) -> {
                if (error == null) {
                    return CompletableFuture.completedFuture(remember(result));
                }
                if (!refused(error)) {
                    return CompletableFuture.<LoginResult>failedFuture(error);
                }
                LOG.info("{}: the server refused the resume token of the last login ({}); logging in with the configured "
                        + "credentials", name, SessionErrors.unwrap(error).getMessage());
                return withCredentials(calls::login);
            }).thenCompose(f -> f);
        }
        return withCredentials(calls::login);
    }

    /** Logs in with the configured credentials on the socket {@code ddp} has now (or after its reconnect). */
    CompletableFuture<LoginResult> relogin(DdpConnection ddp) {
        return withCredentials(ddp::login);
    }

    /** True when {@link #relogin} can get a new token: a password login (a token login gets its own token back). */
    boolean canRenew() {
        return credentials instanceof Credentials.Password;
    }

    private CompletableFuture<LoginResult> withCredentials(
            BiFunction<LoginRequest, Supplier<String>, CompletableFuture<LoginResult>> login) {
        return login.apply(credentials.loginRequest(), totp).handle((result, error) -> {
            if (error != null) {
                throw new CompletionException(TwoFactorErrors.explain(name, error, totp != null));
            }
            return remember(result);
        });
    }

    private LoginResult remember(LoginResult result) {
        last = result;
        onLogin.accept(result);
        return result;
    }

    private boolean expired(LoginResult result) {
        return result.tokenExpires() != null && !result.tokenExpires().isAfter(clock.instant().plus(EXPIRY_MARGIN));
    }

    /** 403 (logged out, session expired) or an unknown token: try the credentials; anything else is an outage. */
    private static boolean refused(Throwable error) {
        return SessionErrors.unwrap(error) instanceof DdpMethodException m
                && ("403".equals(m.getErrorCode()) || "401".equals(m.getErrorCode()));
    }

    /** The last successful login, or null. */
    LoginResult last() {
        return last;
    }
}
