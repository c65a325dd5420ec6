package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** REST differences of the 6.x dialect: its version, and method.call errors with HTTP 200. */
class Legacy6RestTest extends RestApiTest {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.dialect(Dialect.LEGACY_6);
    }

    @Test
    @Override
    void infoAndAuthentication() throws Exception {
        assertFrame("{\"version\":\"6.13.1\",\"success\":true}", get("/api/info", null, null).body());
    }

    @Test
    @Override
    void methodCallWrapsDdpFramesAndAnswers400OnErrors() throws Exception {
        String token = server.createLoginToken("alice");
        Reply missing = post("/api/v1/method.call/nothing",
                "{\"message\":\"{\\\"msg\\\":\\\"method\\\",\\\"id\\\":\\\"1\\\",\\\"method\\\":\\\"nothing\\\",\\\"params\\\":[]}\"}",
                server.userId("alice"), token);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body().path("success").asBoolean()).isTrue();
        assertThat(missing.body().path("message").asText()).contains("\"error\":404");
    }
}
