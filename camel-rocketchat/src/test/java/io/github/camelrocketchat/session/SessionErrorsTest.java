package io.github.camelrocketchat.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.DdpConnectionClosedException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpTimeoutException;
import io.github.camelrocketchat.rest.RestException;
import io.github.camelrocketchat.rest.RestMethodException;
import io.github.camelrocketchat.session.SessionException.Kind;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SessionErrorsTest {

    private static DdpMethodException ddp(Object code, String reason, String method) {
        return new DdpMethodException(code, reason, method == null ? Map.of() : Map.of("method", method), reason + " [" + code + "]", method, "7");
    }

    @Test
    void methodErrorsGetTheirKindWithErrorReasonDetailsAndMethod() {
        SessionException e = SessionErrors.of(new CompletionException(ddp("error-not-allowed", "Not allowed", "joinRoom")), "joinRoom");
        assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
        assertThat(e).hasMessage("joinRoom failed: Not allowed [error-not-allowed]").hasCauseInstanceOf(DdpMethodException.class);
        assertThat(e.error()).isEqualTo("error-not-allowed");
        assertThat(e.reason()).isEqualTo("Not allowed");
        assertThat(e.details()).containsEntry("method", "joinRoom");
        assertThat(e.method()).isEqualTo("joinRoom");

        assertThat(SessionErrors.of(ddp("error-invalid-room", "Invalid room", "getRoomByTypeAndName"), null).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(SessionErrors.of(ddp(404, "Method 'setReaction' not found", "setReaction"), null).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(SessionErrors.of(ddp(400, "Match failed", "sendMessage"), null).kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(SessionErrors.of(ddp("error-message-size-exceeded", "Message size exceeds", "sendMessage"), null).kind())
                .isEqualTo(Kind.INVALID_INPUT);
        assertThat(SessionErrors.of(ddp("too-many-requests", "Error, too many requests", "sendMessage"), null).kind())
                .isEqualTo(Kind.RATE_LIMITED);
        assertThat(SessionErrors.of(ddp("error-something-new", "New", "sendMessage"), null).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void restErrorsGetTheirKindByTypeThenStatus() {
        SessionException unauthorized = SessionErrors.of(new RestException("POST /api/v1/chat.delete", 401, null,
                "You must be logged in to do this.", null), "deleteMessage");
        assertThat(unauthorized.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
        assertThat(unauthorized.getMessage()).contains("POST /api/v1/chat.delete").contains("401");
        assertThat(SessionErrors.of(new RestException("GET /api/v1/rooms.roles", 400, "error-room-not-found",
                "The required \"roomId\" param provided does not match any room", null), "getRoomRoles").kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(SessionErrors.of(new RestException("POST /api/v1/chat.postMessage", 400, null, "bad", null), "sendMessage").kind())
                .isEqualTo(Kind.INVALID_INPUT);
        assertThat(SessionErrors.of(new RestException("POST /api/v1/chat.postMessage", 429, null, "slow down", null), "sendMessage").kind())
                .isEqualTo(Kind.RATE_LIMITED);
        assertThat(SessionErrors.of(new RestException("GET /api/info", -1, null, "ConnectException", null), "x").error())
                .isEqualTo("rest-error");
        SessionException viaMethodCall = SessionErrors.of(new RestMethodException("POST /api/v1/method.call/joinRoom", 400,
                "error-not-allowed", "Not allowed", Map.of("method", "joinRoom"), "joinRoom"), null);
        assertThat(viaMethodCall.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
        assertThat(viaMethodCall.method()).isEqualTo("joinRoom");
        assertThat(viaMethodCall.details()).containsEntry("method", "joinRoom");
    }

    @Test
    void clientSideFailuresKeepTheirCause() {
        SessionException timeout = SessionErrors.of(new DdpTimeoutException("loadHistory (id 9) timed out after 30 s"), "loadHistory");
        assertThat(timeout.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(timeout.error()).isEqualTo("timeout");
        assertThat(timeout).hasCauseInstanceOf(DdpTimeoutException.class).hasMessageContaining("loadHistory");
        SessionException closed = SessionErrors.of(new DdpConnectionClosedException("connection closed"), "x");
        assertThat(closed.kind()).isEqualTo(Kind.CONNECTION_CLOSED);
        assertThat(closed.error()).isEqualTo("connection-closed");
        assertThat(SessionErrors.of(new CompletionException(closed), "y")).isSameAs(closed);
    }

    @Test
    void translatedFuturesFailWithSessionExceptions() {
        CompletableFuture<Object> f = SessionErrors.translate(CompletableFuture.failedFuture(ddp(404, "Method 'x' not found", "x")), "x");
        assertThat(f).failsWithin(java.time.Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(SessionException.class);
        assertThat(SessionErrors.translate(CompletableFuture.completedFuture("v"), "x")).isCompletedWithValue("v");
    }

    @Test
    void recognisesMethodNotFound() {
        assertThat(SessionErrors.isMethodNotFound(new CompletionException(ddp(404, "Method 'deleteMessage' not found", "deleteMessage")))).isTrue();
        assertThat(SessionErrors.isMethodNotFound(ddp(404, "Subscription 'x' not found", null))).isFalse();
        assertThat(SessionErrors.isMethodNotFound(ddp("error-invalid-room", "Method 'x'", null))).isFalse();
    }
}
