package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** DDP core of the monolith (reference A). */
class DdpCoreTest extends ServerTestSupport {

    @Test
    void handshakeAnswersConnectedWithA17CharSession() {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\",\"pre2\",\"pre1\"]}");
        JsonNode connected = c.next();
        assertFrame("{\"msg\":\"connected\",\"session\":\"*\"}", connected);
        assertThat(connected.get("session").asText()).hasSize(17);
    }

    @Test
    void versionNegotiationFailsWithTheServersChoiceAndCloses() throws Exception {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"connect\",\"version\":\"pre1\",\"support\":[\"1\",\"pre1\"]}");
        assertFrame("{\"msg\":\"failed\",\"version\":\"1\"}", c.next());
        assertThat(c.closed().get(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void supportWithoutTheProposedVersionFails() {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"connect\",\"version\":\"2\",\"support\":[\"1\"]}");
        assertFrame("{\"msg\":\"failed\",\"version\":\"1\"}", c.next());
    }

    @Test
    void pre1HasNoHeartbeatsAndAnswersPingWithBadRequest() {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"connect\",\"version\":\"pre1\",\"support\":[\"pre1\"]}");
        assertFrame("{\"msg\":\"connected\",\"session\":\"*\"}", c.next());
        c.send("{\"msg\":\"ping\",\"id\":\"p\"}");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Bad request\",\"offendingMessage\":{\"msg\":\"ping\",\"id\":\"p\"}}",
                c.next());
    }

    @Test
    void anythingBeforeConnectIsRejectedButTheSocketStays() {
        RawDdpClient c = raw();
        c.send("{\"msg\":\"method\",\"id\":\"1\",\"method\":\"x\"}");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Must connect first\",\"offendingMessage\":"
                + "{\"msg\":\"method\",\"id\":\"1\",\"method\":\"x\"}}", c.next());
        c.send("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
        assertThat(c.next().get("msg").asText()).isEqualTo("connected");
    }

    @Test
    void secondConnectIsAlreadyConnected() {
        RawDdpClient c = client();
        c.send("{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Already connected\",\"offendingMessage\":"
                + "{\"msg\":\"connect\",\"version\":\"1\",\"support\":[\"1\"]}}", c.next());
    }

    @Test
    void badRequests() {
        RawDdpClient c = client();
        c.send("not json");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Bad request\"}", c.next());
        c.send("[1,2]");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Bad request\"}", c.next());
        c.send("{\"id\":\"x\"}");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Bad request\",\"offendingMessage\":{\"id\":\"x\"}}", c.next());
        c.send("{\"msg\":\"foo\"}");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Bad request\",\"offendingMessage\":{\"msg\":\"foo\"}}", c.next());
        c.sendBinary(new byte[] {1, 2});
        assertFrame("{\"msg\":\"error\",\"reason\":\"Bad request\"}", c.next());
    }

    @Test
    void malformedSubAndMethodGetErrorFramesOnly() {
        RawDdpClient c = client();
        c.send("{\"msg\":\"sub\",\"id\":1,\"name\":\"stream-room-messages\"}");
        assertFrame("{\"msg\":\"error\",\"reason\":\"Malformed subscription\",\"offendingMessage\":"
                + "{\"msg\":\"sub\",\"id\":1,\"name\":\"stream-room-messages\"}}", c.next());
        c.send("{\"msg\":\"sub\",\"id\":\"s\",\"name\":\"stream-room-messages\",\"params\":{}}");
        assertThat(c.next().get("reason").asText()).isEqualTo("Malformed subscription");
        c.send("{\"msg\":\"method\",\"id\":7,\"method\":\"login\"}");
        assertThat(c.next().get("reason").asText()).isEqualTo("Malformed method invocation");
        c.send("{\"msg\":\"method\",\"id\":\"7\",\"method\":\"login\",\"randomSeed\":5}");
        assertThat(c.next().get("reason").asText()).isEqualTo("Malformed method invocation");
        assertThat(c.sync()).isEmpty();
    }

    @Test
    void pingIsAnsweredEchoingTheIdOrWithoutOne() {
        RawDdpClient c = client();
        c.send("{\"msg\":\"ping\",\"id\":\"k1\"}");
        assertFrame("{\"msg\":\"pong\",\"id\":\"k1\"}", c.next());
        c.send("{\"msg\":\"ping\"}");
        assertFrame("{\"msg\":\"pong\"}", c.next());
        c.send("{\"msg\":\"pong\"}");
        assertThat(c.sync()).isEmpty();
    }

    @Test
    void unknownMethodGetsResultBeforeUpdated() {
        RawDdpClient c = client();
        List<JsonNode> frames = c.call("9", "deleteMessage", obj("{\"_id\":\"x\"}"));
        assertThat(frames).hasSize(1);
        assertFrame("{\"msg\":\"result\",\"id\":\"9\",\"error\":{\"isClientSafe\":true,\"error\":404,\"reason\":"
                + "\"Method 'deleteMessage' not found\",\"message\":\"Method 'deleteMessage' not found [404]\","
                + "\"errorType\":\"Meteor.Error\"}}", frames.get(0));
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"9\"]}", c.next());
        for (String removed : List.of("setReaction", "getRoomRoles", "eraseRoom")) {
            assertThat(c.result(removed, removed).path("error").path("error").asInt()).isEqualTo(404);
            c.sync();
        }
    }

    @Test
    void normalMethodSendsUpdatedFirstAndOmitsAMissingResult() {
        RawDdpClient c = client();
        List<JsonNode> frames = c.call("3", "logout");
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"3\"]}", frames.get(0));
        assertFrame("{\"msg\":\"result\",\"id\":\"3\"}", frames.get(1));
    }

    @Test
    void falseResultIsSent() {
        RawDdpClient c = as("alice");
        assertFrame("{\"msg\":\"result\",\"id\":\"h\",\"result\":false}", c.result("h", "loadHistory", "nope", null, 20));
    }

    @Test
    void unsubAlwaysAnswersNosubAndDuplicateSubIsIgnored() {
        RawDdpClient c = as("alice");
        assertFrame("{\"msg\":\"ready\",\"subs\":[\"s1\"]}",
                c.sub("s1", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions()));
        c.send("{\"msg\":\"sub\",\"id\":\"s1\",\"name\":\"stream-room-messages\",\"params\":[\"GENERAL\",false]}");
        assertThat(c.sync()).isEmpty();
        c.send("{\"msg\":\"unsub\",\"id\":\"unknown\"}");
        assertFrame("{\"msg\":\"nosub\",\"id\":\"unknown\"}", c.next());
        c.send("{\"msg\":\"unsub\",\"id\":\"s1\"}");
        assertFrame("{\"msg\":\"nosub\",\"id\":\"s1\"}", c.next());
        assertThat(server.subscriptionCount("stream-room-messages")).isZero();
    }

    @Test
    void unknownPublicationIsNosub404() {
        RawDdpClient c = client();
        assertFrame("{\"msg\":\"nosub\",\"id\":\"s2\",\"error\":{\"isClientSafe\":true,\"error\":404,\"reason\":"
                + "\"Subscription 'stream-foo' not found\",\"message\":\"Subscription 'stream-foo' not found [404]\","
                + "\"errorType\":\"Meteor.Error\"}}", c.sub("s2", "stream-foo", "x"));
    }

    @Test
    void useCollectionTrueSendsAddedFirst() {
        RawDdpClient c = as("alice");
        c.send("{\"msg\":\"sub\",\"id\":\"s\",\"name\":\"stream-notify-logged\",\"params\":[\"user-status\",true]}");
        assertFrame("{\"msg\":\"added\",\"collection\":\"stream-notify-logged\",\"id\":\"id\",\"fields\":"
                + "{\"eventName\":\"user-status\"}}", c.next());
        assertFrame("{\"msg\":\"ready\",\"subs\":[\"s\"]}", c.next());
    }

    @Test
    void meteorBootstrapPublicationsAreReady() {
        RawDdpClient c = client();
        assertThat(c.sub("m1", "meteor.loginServiceConfiguration").get("msg").asText()).isEqualTo("ready");
        assertThat(c.sub("m2", "meteor_autoupdate_clientVersions").get("msg").asText()).isEqualTo("ready");
    }

    @Test
    void errorsInsideDetailsAreNotEjson() {
        RawDdpClient c = as("alice");
        long skewed = clock.millis() + 120_000;
        var params = obj("{\"rid\":\"GENERAL\",\"msg\":\"x\",\"ts\":{\"$date\":" + skewed + "}}");
        // swallowed by sendMessage: no error, no result, and the message is not stored
        assertFrame("{\"msg\":\"result\",\"id\":\"t\"}", c.result("t", "sendMessage", params));
        assertThat(server.messageCount("GENERAL")).isZero();
    }

    @Test
    void trailingSlashPathIsTheSameEndpoint() {
        RawDdpClient c = RawDdpClient.connected(server.webSocketUrl() + "/");
        try {
            assertFrame("{\"msg\":\"pong\",\"id\":\"t\"}", pingPong(c));
        } finally {
            c.close();
        }
    }

    private static JsonNode pingPong(RawDdpClient c) {
        c.send("{\"msg\":\"ping\",\"id\":\"t\"}");
        return c.next();
    }
}
