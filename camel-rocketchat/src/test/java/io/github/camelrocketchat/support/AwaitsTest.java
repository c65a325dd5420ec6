package io.github.camelrocketchat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.RocketChatNotFoundException;
import io.github.camelrocketchat.session.SessionException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AwaitsTest {

    @Test
    void aTimeoutLeavesTheSharedFutureAloneForItsOtherWaiters() {
        // e.g. a session's start, awaited by several endpoints: one that gives up must not fail the others
        CompletableFuture<String> shared = new CompletableFuture<>();
        assertThatThrownBy(() -> Awaits.await(shared, 1, "Cannot open the session"))
                .isInstanceOf(RocketChatException.class).hasMessageContaining("no answer within 1 ms");
        assertThat(shared).isNotDone();
        shared.complete("ready");
        assertThat(Awaits.await(shared, 1, "second waiter")).isEqualTo("ready");
    }

    @Test
    void aFailureKeepsItsKindUnderAMessageThatSaysWhatWasBeingDone() {
        CompletableFuture<String> f = CompletableFuture.failedFuture(new SessionException(SessionException.Kind.NOT_FOUND,
                "Room 'x' not found", "error-room-not-found", null, null, "getRoomIdByNameOrId", null));
        assertThatThrownBy(() -> Awaits.await(f, 1000, "Cannot resolve roomName 'x'"))
                .isInstanceOf(RocketChatNotFoundException.class).hasMessage("Cannot resolve roomName 'x': Room 'x' not found");
    }
}
