package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.rest.RestException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RocketChatErrorsTest {

    private static DdpMethodException ddp(Object code, String reason, String method) {
        return new DdpMethodException(code, reason, method == null ? Map.of() : Map.of("method", method), reason + " [" + code + "]", method, "7");
    }

    @Test
    void methodErrorsMapToTheirKindWithErrorReasonDetailsAndMethod() {
        RocketChatException e = RocketChatErrors.map(new CompletionException(ddp("error-not-allowed", "Not allowed", "joinRoom")), "joinRoom");
        assertThat(e).isInstanceOf(RocketChatNotAuthorizedException.class)
                .hasMessage("joinRoom failed: Not allowed [error-not-allowed]");
        assertThat(e.getError()).isEqualTo("error-not-allowed");
        assertThat(e.getReason()).isEqualTo("Not allowed");
        assertThat(e.getDetails()).containsEntry("method", "joinRoom");
        assertThat(e.getMethod()).isEqualTo("joinRoom");

        assertThat(RocketChatErrors.map(ddp("error-invalid-room", "Invalid room", "getRoomByTypeAndName"), null))
                .isInstanceOf(RocketChatNotFoundException.class);
        assertThat(RocketChatErrors.map(ddp(404, "Method 'setReaction' not found", "setReaction"), null))
                .isInstanceOf(RocketChatNotFoundException.class);
        assertThat(RocketChatErrors.map(ddp(400, "Match failed", "sendMessage"), null))
                .isInstanceOf(RocketChatInvalidInputException.class);
        assertThat(RocketChatErrors.map(ddp("error-message-size-exceeded", "Message size exceeds", "sendMessage"), null))
                .isInstanceOf(RocketChatInvalidInputException.class);
        RocketChatException other = RocketChatErrors.map(ddp("too-many-requests", "Error, too many requests", "sendMessage"), null);
        assertThat(other.getClass()).isEqualTo(RocketChatException.class);
        assertThat(other.getError()).isEqualTo("too-many-requests");
    }

    @Test
    void restErrorsMapByTypeThenStatus() {
        RocketChatException unauthorized = RocketChatErrors.map(new RestException("POST /api/v1/chat.delete", 401, null,
                "You must be logged in to do this.", null), "deleteMessage");
        assertThat(unauthorized).isInstanceOf(RocketChatNotAuthorizedException.class);
        assertThat(unauthorized.getMessage()).contains("POST /api/v1/chat.delete").contains("401");
        assertThat(RocketChatErrors.map(new RestException("GET /api/v1/rooms.roles", 400, "error-room-not-found",
                "The required \"roomId\" param provided does not match any room", null), "getRoomRoles"))
                .isInstanceOf(RocketChatNotFoundException.class);
        assertThat(RocketChatErrors.map(new RestException("POST /api/v1/chat.postMessage", 400, null, "bad", null), "sendMessage"))
                .isInstanceOf(RocketChatInvalidInputException.class);
        assertThat(RocketChatErrors.map(new RestException("GET /api/info", -1, null, "ConnectException", null), "x").getError())
                .isEqualTo("rest-error");
    }

    @Test
    void clientSideFailuresKeepTheirCause() {
        RocketChatException timeout = RocketChatErrors.map(new DdpTimeoutException("loadHistory (id 9) timed out after 30 s"), "loadHistory");
        assertThat(timeout.getError()).isEqualTo("timeout");
        assertThat(timeout).hasCauseInstanceOf(DdpTimeoutException.class).hasMessageContaining("loadHistory");
        assertThat(RocketChatErrors.map(new DdpConnectionClosedException("connection closed"), "x").getError())
                .isEqualTo("connection-closed");
        RocketChatException already = new RocketChatNotFoundException("m", "e", null, null, "x", null);
        assertThat(RocketChatErrors.map(new CompletionException(already), "y")).isSameAs(already);
    }

    @Test
    void recognisesMethodNotFound() {
        assertThat(RocketChatErrors.isMethodNotFound(new CompletionException(ddp(404, "Method 'deleteMessage' not found", "deleteMessage")))).isTrue();
        assertThat(RocketChatErrors.isMethodNotFound(ddp(404, "Subscription 'x' not found", null))).isFalse();
        assertThat(RocketChatErrors.isMethodNotFound(ddp("error-invalid-room", "Method 'x'", null))).isFalse();
    }
}
