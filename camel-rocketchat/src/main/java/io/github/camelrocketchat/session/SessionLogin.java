package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.HandshakeCalls;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login a session does on every new socket, before anything else is sent on it (the DDP client's handshake):
 * Rocket.Chat forgets the login with the socket. On a reconnect it first resumes with the token of the last login
 * while that token has not expired (the cheap path, and the one every server shape implements itself); when the
 * server refuses it, or on the first connect, it logs in with the configured credentials (password or personal
 * access token), answering a TOTP challenge when a code supplier is configured.
 *
 * <p>Thread-safety: the handshake runs on the DDP callback thread, one at a time; {@link #last()} is read anywhere.
 */
final class SessionLogin {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLogin.class);
    /** A token this close to its expiry is not worth a round trip. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    private final String name;
    private final Credentials credentials;
    private final Supplier<String> totp;
    private final Clock clock;
    /** The last successful login; written on the callback thread, read anywhere. */
    private volatile LoginResult last;

    SessionLogin(String name, Credentials credentials, Supplier<String> totp, Clock clock) {
        this.name = name;
        this.credentials = credentials;
        this.totp = totp;
        this.clock = clock;
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
                return withCredentials(calls);
            }).thenCompose(f -> f);
        }
        return withCredentials(calls);
    }

    private CompletableFuture<LoginResult> withCredentials(HandshakeCalls calls) {
        return calls.login(credentials.loginRequest(), totp).thenApply(this::remember);
    }

    private LoginResult remember(LoginResult result) {
        last = result;
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
