package io.github.camelrocketchat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits for lifecycle methods (doStart), turning failures into exceptions that say what failed. */
final class Awaits {
    private Awaits() {
    }

    static <T> T await(CompletableFuture<T> future, long timeoutMillis, String what) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketChatException(what + ": interrupted", "interrupted", null, null, null, e);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new RocketChatException(what + ": no answer within " + timeoutMillis + " ms", "timeout", null, null, null, e);
        } catch (ExecutionException e) {
            RocketChatException cause = RocketChatErrors.map(e.getCause(), null);
            throw copy(what + ": " + RocketChatErrors.unwrap(e.getCause()).getMessage(), cause);
        }
    }

    /** Same kind of exception with a message that says what was being done. */
    private static RocketChatException copy(String message, RocketChatException e) {
        if (e instanceof RocketChatNotAuthorizedException) {
            return new RocketChatNotAuthorizedException(message, e.getError(), e.getReason(), e.getDetails(), e.getMethod(), e);
        }
        if (e instanceof RocketChatNotFoundException) {
            return new RocketChatNotFoundException(message, e.getError(), e.getReason(), e.getDetails(), e.getMethod(), e);
        }
        if (e instanceof RocketChatInvalidInputException) {
            return new RocketChatInvalidInputException(message, e.getError(), e.getReason(), e.getDetails(), e.getMethod(), e);
        }
        return new RocketChatException(message, e.getError(), e.getReason(), e.getDetails(), e.getMethod(), e);
    }
}
