package io.github.camelrocketchat.support;

import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.session.SessionErrors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits for lifecycle methods (doStart), turning failures into exceptions that say what failed. */
public final class Awaits {
    private Awaits() {
    }

    /**
     * Waits for {@code future} at most {@code timeoutMillis}. On timeout the future is left alone, never cancelled:
     * session futures are shared (the session's start, a shared subscription's ready), and cancelling one would
     * fail every other endpoint waiting on it.
     */
    public static <T> T await(CompletableFuture<T> future, long timeoutMillis, String what) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketChatException(what + ": interrupted", "interrupted", null, null, null, e);
        } catch (TimeoutException e) {
            throw new RocketChatException(what + ": no answer within " + timeoutMillis + " ms", "timeout", null, null, null, e);
        } catch (ExecutionException e) {
            RocketChatException cause = RocketChatErrors.map(e.getCause(), null);
            throw RocketChatErrors.withMessage(what + ": " + SessionErrors.unwrap(e.getCause()).getMessage(), cause);
        }
    }

    /** The exception {@link #await} throws when a future fails: {@code what}, then what the failure says. */
    public static RocketChatException failure(String what, Throwable error) {
        Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        RocketChatException cause = RocketChatErrors.map(e, null);
        return RocketChatErrors.withMessage(what + ": " + SessionErrors.unwrap(e).getMessage(), cause);
    }

    /**
     * Like {@link #await}, for a future whose failures already say what failed ({@link #failure}): they are thrown
     * as they are; {@code what} names a timeout only.
     */
    public static <T> T awaitNamed(CompletableFuture<T> future, long timeoutMillis, String what) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RocketChatException named) {
                throw named;
            }
            return await(future, 0, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketChatException(what + ": interrupted", "interrupted", null, null, null, e);
        } catch (TimeoutException e) {
            throw new RocketChatException(what + ": no answer within " + timeoutMillis + " ms", "timeout", null, null, null, e);
        }
    }
}
