package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.ddp.Scheduler;
import io.github.camelrocketchat.rest.RestCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a password session's login token valid. After each login it schedules a renewal some time before the
 * token's {@code tokenExpires} (a tenth of the remaining lifetime, at most a day: a day early for Rocket.Chat's 90-day
 * default); a renewal is a login with the configured credentials (and TOTP) on the live socket, which gets a new token
 * while the subscriptions go on. A token the server rejects mid-session (a REST 401 with it: it expired, or an admin
 * logged the user out) is renewed at once, and the request repeated with the new one. One renewal runs at a time; a
 * failed one is retried after 1, 2, 4, ... minutes, at most an hour apart (a reconnect logs in anyway).
 *
 * <p>A token login ({@code authToken}) cannot be renewed: the server answers a resume with the same token. Its REST
 * 401s stand.
 *
 * <p>Thread-safety: the state is guarded by {@code this}; logins complete on the DDP callback thread, the timer and
 * REST callers run anywhere.
 */
final class TokenRenewal {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRenewal.class);
    static final Duration MAX_MARGIN = Duration.ofDays(1);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private final String name;
    private final SessionLogin login;
    private final Clock clock;
    private final SessionTimer timer;
    private final Supplier<DdpConnection> connection;

    /** The next renewal (or retry); null when none is due. Guarded by {@code this}. */
    private Scheduler.Cancellable next;
    /** The renewal running now, or null. Guarded by {@code this}. */
    private CompletableFuture<LoginResult> running;
    /** Failed renewals in a row. Guarded by {@code this}. */
    private int failures;
    private boolean closed;

    /** @param connection the session's DDP connection, null before it started */
    TokenRenewal(String name, Credentials credentials, Supplier<String> totp, Clock clock, SessionTimer timer,
                 Supplier<DdpConnection> connection) {
        this.name = name;
        this.clock = clock;
        this.timer = timer;
        this.connection = connection;
        this.login = new SessionLogin(name, credentials, totp, clock, this::loggedIn);
    }

    /** The session's login, which tells this of every success. */
    SessionLogin login() {
        return login;
    }

    private synchronized void loggedIn(LoginResult result) {
        failures = 0;
        cancelNext();
        Instant expires = result.tokenExpires();
        if (closed || !login.canRenew() || expires == null) {
            return;
        }
        Duration delay = delayBefore(expires, clock.instant());
        LOG.debug("{}: the login token expires at {}; renewing it in {}", name, expires, delay);
        next = timer.schedule(delay, () -> renew("it expires at " + expires));
    }

    /** When to renew a token that expires at {@code expires}: a tenth of the remaining time early, at most a day. */
    static Duration delayBefore(Instant expires, Instant now) {
        Duration remaining = Duration.between(now, expires);
        if (remaining.isNegative() || remaining.isZero()) {
            return Duration.ZERO;
        }
        Duration margin = remaining.dividedBy(10);
        return remaining.minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }

    /** Logs in again with the credentials on the live socket; while one renewal runs, every caller gets that one. */
    CompletableFuture<LoginResult> renew(String why) {
        CompletableFuture<LoginResult> f = new CompletableFuture<>();
        DdpConnection d;
        synchronized (this) {
            if (running != null) {
                return running;
            }
            d = connection.get();
            if (closed || d == null || !login.canRenew()) {
                return CompletableFuture.failedFuture(new IllegalStateException(name + ": the login token cannot be renewed ("
                        + (closed ? "the session is closed" : d == null ? "the session is not started" : "a token login") + ")"));
            }
            running = f;
        }
        LOG.info("{}: renewing the login token ({}): logging in again with the configured credentials", name, why);
        login.relogin(d).whenComplete((result, error) -> {
            finished(f, error);
            if (error != null) {
                f.completeExceptionally(error);
            } else {
                f.complete(result);
            }
        });
        return f;
    }

    private synchronized void finished(CompletableFuture<LoginResult> f, Throwable error) {
        if (running == f) {
            running = null;
        }
        if (error == null || closed) {
            return;
        }
        failures++;
        Duration retry = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 6));
        retry = retry.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry;
        LOG.warn("{}: renewing the login token failed ({}); trying again in {} min", name,
                SessionErrors.unwrap(error).getMessage(), retry.toMinutes());
        cancelNext();
        next = timer.schedule(retry, () -> renew("a retry"));
    }

    /**
     * The credentials to repeat a REST request with after the server answered 401 to {@code rejected}: those of a
     * login made since, or of a renewal started now; null when there is nothing better (a token login, a failed renewal).
     */
    CompletableFuture<RestCredentials> afterRejection(RestCredentials rejected) {
        LoginResult l = login.last();
        if (l != null && l.token() != null && !l.token().equals(rejected.authToken())) {
            return CompletableFuture.completedFuture(new RestCredentials(l.userId(), l.token()));
        }
        if (!login.canRenew()) {
            return CompletableFuture.completedFuture(null);
        }
        return renew("the server rejected it").handle((r, e) -> e == null && r.token() != null
                ? new RestCredentials(r.userId(), r.token()) : null);
    }

    /** No renewal after this. */
    synchronized void close() {
        closed = true;
        cancelNext();
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }
}
