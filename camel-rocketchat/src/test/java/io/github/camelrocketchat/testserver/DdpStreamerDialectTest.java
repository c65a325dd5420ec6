package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The ddp-streamer dialect (reference A.2-A.7, B.4, F.1). */
class DdpStreamerDialectTest extends ServerTestSupport {

    @Override
    protected void configure(RocketChatTestServerBuilder builder) {
        builder.dialect(Dialect.DDP_STREAMER);
    }

    @Test
    void greetingThenPingBeforeConnectedThenConnectedWithAUuid() {
        RawDdpClient c = raw();
        assertFrame("{\"msg\":\"server_id\",\"server_id\":\"0\"}", c.next());
        assertFrame("{\"msg\":\"ping\"}", c.next());
        c.send("{\"msg\":\"connect\",\"version\":\"pre1\",\"support\":[\"1\"]}");
        JsonNode connected = c.next();
        assertThat(connected.get("session").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void firstFrameOtherThanConnectClosesWith1002() throws Exception {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"method\",\"id\":\"1\",\"method\":\"x\"}");
        assertThat(c.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(1002);
    }

    @Test
    void unparsableFrameClosesWith1007() throws Exception {
        RawDdpClient c = client();
        c.send("{oops");
        assertThat(c.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(1007);
    }

    @Test
    void binaryFrameClosesWith1007() throws Exception {
        RawDdpClient c = client();
        c.sendBinary(new byte[] {1});
        assertThat(c.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(1007);
    }

    @Test
    void methodWithoutIdClosesWith1002AndUnknownMsgIsIgnored() throws Exception {
        RawDdpClient c = client();
        c.send("{\"msg\":\"foo\"}");
        assertThat(c.sync()).isEmpty();
        c.send("{\"msg\":\"method\",\"method\":\"x\"}");
        assertThat(c.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(1002);
    }

    @Test
    void resultBeforeUpdatedFalsyResultOmittedAndStreamerErrorKeyOrder() {
        RawDdpClient c = as("alice");
        List<JsonNode> frames = c.call("1", "loadHistory", "missing", null, 20);
        assertFrame("{\"msg\":\"result\",\"id\":\"1\"}", frames.get(0));
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"1\"]}", c.next());
        assertFrame("{\"msg\":\"result\",\"id\":\"2\",\"error\":{\"isClientSafe\":true,\"errorType\":\"Meteor.Error\","
                + "\"error\":\"error-invalid-room\",\"reason\":\"Invalid room\",\"message\":\"Invalid room [error-invalid-room]\","
                + "\"details\":{\"method\":\"getRoomByTypeAndName\"}}}", c.call("2", "getRoomByTypeAndName", "c", "x").get(0));
    }

    @Test
    void unsubOfUnknownIdSendsNothingAndLoginDoesNotReRunSubs() {
        RawDdpClient c = client();
        c.sub("a", "stream-notify-all", "public-settings-changed", RawDdpClient.streamOptions());
        c.send("{\"msg\":\"unsub\",\"id\":\"zzz\"}");
        assertThat(c.sync()).isEmpty();
        List<JsonNode> login = c.call("l", "login", obj("{\"user\":{\"username\":\"alice\"},\"password\":\"pw-alice\"}"));
        assertThat(login).extracting(f -> f.get("msg").asText()).containsExactly("result");
        c.send("{\"msg\":\"unsub\",\"id\":\"a\"}");
        assertThat(c.awaitMsg("nosub").get("id").asText()).isEqualTo("a");
    }

    @Test
    void logoutClosesTheSocket() throws Exception {
        RawDdpClient c = as("alice");
        assertFrame("{\"msg\":\"result\",\"id\":\"o\"}", c.call("o", "logout").get(0));
        assertThat(c.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(1002);
    }

    @Test
    void silentClientIsClosedWith4000Timeout() throws Exception {
        server.close();
        server = RocketChatTestServer.builder().dialect(Dialect.DDP_STREAMER).clock(clock)
                .heartbeatInterval(java.time.Duration.ofMillis(100)).heartbeatTimeout(java.time.Duration.ofMillis(100))
                .build().start();
        RawDdpClient c = raw();
        assertThat(c.awaitMsg("ping")).isNotNull();
        assertThat(c.closed().get(30, TimeUnit.SECONDS)[0]).isEqualTo(4000);
        assertThat(c.closeReason().get(5, TimeUnit.SECONDS)).isEqualTo("TIMEOUT");
    }
}
