package io.github.camelrocketchat.producer;

import io.github.camelrocketchat.session.RocketChatCall;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.SessionErrors;
import io.github.camelrocketchat.session.SessionException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Confirms a {@code sendMessage} whose answer does not show the message. Rocket.Chat answers a repeated {@code _id}
 * (our resend after a lost connection, or a Camel redelivery after a timeout) with an empty result over DDP, having
 * swallowed the duplicate-key error, and with that error over REST. The message is then already stored: it is looked
 * up by its id, and the exchange completes with it. When the server has no message with that id, the original
 * answer stands (the empty result fails the exchange: the server refused the message and said why only in a
 * {@code rocket.cat} notice).
 */
final class SentMessages {
    private SentMessages() {
    }

    static CompletableFuture<Object> confirm(RocketChatSession session, RocketChatCall call, CompletableFuture<Object> answer) {
        Map<?, ?> doc = (Map<?, ?>) call.params().get(0);
        String id = String.valueOf(doc.get("_id"));
        Object rid = doc.get("rid");
        return answer.handle((result, error) -> {
            if (error == null && result instanceof Map<?, ?>) {
                return CompletableFuture.completedFuture(result);
            }
            if (error != null && !isDuplicate(error)) {
                return CompletableFuture.<Object>failedFuture(error);
            }
            return session.findMessage(id).handle((stored, lookupError) -> {
                if (lookupError == null && stored != null && Objects.equals(stored.get("rid"), rid)) {
                    return (Object) stored;
                }
                if (error != null) {
                    throw error instanceof CompletionException ce ? ce : new CompletionException(error);
                }
                return result;
            });
        }).thenCompose(f -> f);
    }

    /** The server's duplicate-key error for a message id it already stored (MongoDB E11000). */
    private static boolean isDuplicate(Throwable error) {
        SessionException s = SessionErrors.of(error, "sendMessage");
        String text = s.error() + " " + s.reason() + " " + s.getMessage();
        return text.contains("E11000") || text.contains("duplicate key");
    }
}
