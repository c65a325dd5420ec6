package io.github.camelrocketchat.ddp.protocol;

import static io.github.camelrocketchat.ddp.support.JsonFrames.assertFrame;
import static io.github.camelrocketchat.ddp.support.JsonFrames.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.protocol.DdpMessage.*;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type decodes from its wire shape and encodes back to the same JSON tree. */
class DdpCodecTest {

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("{'msg':'connect','version':'1','support':['1','pre2','pre1']}",
                        new Connect("1", List.of("1", "pre2", "pre1"))),
                Arguments.of("{'msg':'connected','session':'Hk3s9dQ2LmZpXw7Ty'}", new Connected("Hk3s9dQ2LmZpXw7Ty")),
                Arguments.of("{'msg':'failed','version':'1'}", new Failed("1")),
                Arguments.of("{'msg':'ping'}", new Ping(null)),
                Arguments.of("{'msg':'ping','id':'k1'}", new Ping("k1")),
                Arguments.of("{'msg':'pong'}", new Pong(null)),
                Arguments.of("{'msg':'pong','id':'k1'}", new Pong("k1")),
                Arguments.of("{'msg':'method','id':'7','method':'getRoomIdByNameOrId','params':['general']}",
                        new Method("7", "getRoomIdByNameOrId", List.of("general"))),
                Arguments.of("{'msg':'result','id':'7','result':'GENERAL'}", new Result("7", "GENERAL", null)),
                Arguments.of("{'msg':'result','id':'9'}", new Result("9", null, null)),
                Arguments.of("{'msg':'result','id':'1','result':{'id':'u','tokenExpires':{'$date':1739700000000}}}",
                        new Result("1", Map.of("id", "u", "tokenExpires", Instant.ofEpochMilli(1739700000000L)), null)),
                Arguments.of("{'msg':'result','id':'8','error':{'error':'error-invalid-room','reason':'Invalid room',"
                        + "'details':{'method':'getRoomByTypeAndName'},'message':'Invalid room [error-invalid-room]',"
                        + "'errorType':'Meteor.Error'}}",
                        new Result("8", null, new DdpError("error-invalid-room", "Invalid room",
                                Map.of("method", "getRoomByTypeAndName"), "Invalid room [error-invalid-room]",
                                "Meteor.Error"))),
                Arguments.of("{'msg':'updated','methods':['7','8']}", new Updated(List.of("7", "8"))),
                Arguments.of("{'msg':'sub','id':'s1','name':'stream-room-messages','params':['GENERAL',"
                        + "{'useCollection':false,'args':[]}]}", new Sub("s1", "stream-room-messages",
                        List.of("GENERAL", Map.of("useCollection", false, "args", List.of())))),
                Arguments.of("{'msg':'unsub','id':'s1'}", new Unsub("s1")),
                Arguments.of("{'msg':'ready','subs':['s1','s2']}", new Ready(List.of("s1", "s2"))),
                Arguments.of("{'msg':'nosub','id':'s1'}", new Nosub("s1", null)),
                Arguments.of("{'msg':'nosub','id':'s2','error':{'error':404,'reason':'not found'}}",
                        new Nosub("s2", new DdpError(404, "not found", null, null, null))),
                Arguments.of("{'msg':'added','collection':'users','id':'u1','fields':{'username':'alice'}}",
                        new Added("users", "u1", Map.of("username", "alice"))),
                Arguments.of("{'msg':'changed','collection':'users','id':'u1','fields':{'name':'A'},'cleared':['nickname']}",
                        new Changed("users", "u1", Map.of("name", "A"), List.of("nickname"))),
                Arguments.of("{'msg':'changed','collection':'users','id':'u1','cleared':['x']}",
                        new Changed("users", "u1", Map.of(), List.of("x"))),
                Arguments.of("{'msg':'removed','collection':'users','id':'u1'}", new Removed("users", "u1")),
                Arguments.of("{'msg':'addedBefore','collection':'c','id':'x','fields':{'a':1},'before':null}",
                        new AddedBefore("c", "x", Map.of("a", 1), null)),
                Arguments.of("{'msg':'movedBefore','collection':'c','id':'x','before':'y'}",
                        new MovedBefore("c", "x", "y")),
                Arguments.of("{'msg':'error','reason':'Bad request','offendingMessage':{'msg':'hello'}}",
                        new ConnectionError("Bad request", Map.of("msg", "hello"))),
                Arguments.of("{'msg':'server_id','server_id':'0'}", new Unknown("server_id")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("frames")
    void decodesAndEncodesEveryMessageType(String wire, DdpMessage expected) throws Exception {
        DdpMessage decoded = DdpCodec.decode(json(wire));
        assertThat(decoded).isEqualTo(expected);
        if (!(expected instanceof Unknown)) {
            assertFrame(wire, DdpCodec.encode(expected));
        }
    }

    @org.junit.jupiter.api.Test
    void framesWithoutMsgAreUnknownAndClientSentRecordsHideTheirPayload() throws Exception {
        assertThat(DdpCodec.decode("{\"server_id\":\"0\"}")).isEqualTo(new Unknown(null));
        assertThat(new Method("1", "login", List.of("x")).toString()).isEqualTo("Method[id=1, method=login, params=1 item(s)]");
    }
}
