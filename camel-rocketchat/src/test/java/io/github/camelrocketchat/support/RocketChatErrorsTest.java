package io.github.camelrocketchat.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.RocketChatConnectionException;
import io.github.camelrocketchat.RocketChatException;
import io.github.camelrocketchat.RocketChatInvalidInputException;
import io.github.camelrocketchat.RocketChatNotAuthorizedException;
import io.github.camelrocketchat.RocketChatNotFoundException;
import io.github.camelrocketchat.RocketChatRateLimitException;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.session.SessionException;
import io.github.camelrocketchat.session.SessionException.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RocketChatErrorsTest {

    private static SessionException session(Kind kind, String error, Map<String, Object> details) {
        return new SessionException(kind, "sendMessage failed: why [" + error + "]", error, "why", details, "sendMessage",
                new IllegalStateException("below"));
    }

    @Test
    void eachSessionKindBecomesItsPublicException() {
        assertThat(RocketChatErrors.map(session(Kind.NOT_AUTHORIZED, "error-not-allowed", null), null))
                .isExactlyInstanceOf(RocketChatNotAuthorizedException.class);
        assertThat(RocketChatErrors.map(session(Kind.NOT_FOUND, "404", null), null)).isExactlyInstanceOf(RocketChatNotFoundException.class);
        assertThat(RocketChatErrors.map(session(Kind.INVALID_INPUT, "400", null), null))
                .isExactlyInstanceOf(RocketChatInvalidInputException.class);
        assertThat(RocketChatErrors.map(session(Kind.CONNECTION_CLOSED, "connection-closed", null), null))
                .isExactlyInstanceOf(RocketChatConnectionException.class);
        assertThat(RocketChatErrors.map(session(Kind.TIMEOUT, "timeout", null), null)).isExactlyInstanceOf(RocketChatException.class);
        assertThat(RocketChatErrors.map(session(Kind.OTHER, "x", null), null)).isExactlyInstanceOf(RocketChatException.class);
        RocketChatException limited = RocketChatErrors.map(new CompletionException(session(Kind.RATE_LIMITED, "too-many-requests",
                Map.of("timeToReset", 6843))), null);
        assertThat(limited).isExactlyInstanceOf(RocketChatRateLimitException.class);
        assertThat(((RocketChatRateLimitException) limited).getRetryAfter()).isEqualTo(Duration.ofMillis(6843));
    }

    @Test
    void keepsMessageErrorReasonDetailsMethodAndTheClientCause() {
        RocketChatException e = RocketChatErrors.map(session(Kind.NOT_AUTHORIZED, "error-not-allowed", Map.of("method", "joinRoom")), "x");
        assertThat(e).hasMessage("sendMessage failed: why [error-not-allowed]").hasCauseInstanceOf(IllegalStateException.class);
        assertThat(e.getError()).isEqualTo("error-not-allowed");
        assertThat(e.getReason()).isEqualTo("why");
        assertThat(e.getDetails()).containsEntry("method", "joinRoom");
        assertThat(e.getMethod()).isEqualTo("sendMessage");
    }

    @Test
    void aClientExceptionIsClassifiedOnTheWay() {
        RocketChatException e = RocketChatErrors.map(new DdpMethodException("error-invalid-room", "Invalid room", null,
                "Invalid room [error-invalid-room]", "joinRoom", "3"), null);
        assertThat(e).isExactlyInstanceOf(RocketChatNotFoundException.class).hasMessage("joinRoom failed: Invalid room [error-invalid-room]");
    }

    @Test
    void aPublicExceptionPassesAsIsAndKeepsItsKindUnderANewMessage() {
        RocketChatException already = new RocketChatNotFoundException("m", "e", null, null, "x", null);
        assertThat(RocketChatErrors.map(new CompletionException(already), "y")).isSameAs(already);
        RocketChatException renamed = RocketChatErrors.withMessage("Cannot start: m", already);
        assertThat(renamed).isExactlyInstanceOf(RocketChatNotFoundException.class).hasMessage("Cannot start: m").hasCause(already);
        assertThat(renamed.getError()).isEqualTo("e");
    }
}
