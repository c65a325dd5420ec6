package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.EventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MethodCallTest {
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void connect() {
        h.connect();
    }

    @AfterEach
    void noLeftovers() {
        h.close();
    }

    @Test
    void callSendsAMethodFrameWithAStringIdAndResolvesOnResult() {
        CompletableFuture<Object> f = h.client.call("getRoomIdByNameOrId", List.of("general"));
        h.expectSent("{'msg':'method','id':'1','method':'getRoomIdByNameOrId','params':['general']}");
        h.serverSends("{'msg':'result','id':'1','result':'GENERAL'}");
        assertThat(f).isCompletedWithValue("GENERAL");
    }

    @Test
    void nullParamsAreSentAsAnEmptyArray() {
        h.client.call("logout", null);
        h.expectSent("{'msg':'method','id':'1','method':'logout','params':[]}");
    }

    @Test
    void updatedBeforeResultResolvesOnResult() {
        CompletableFuture<Object> f = h.client.call("sendMessage", List.of(Map.of("rid", "GENERAL", "msg", "hi")));
        h.expectSent("{'msg':'method','id':'1','method':'sendMessage','params':[{'rid':'GENERAL','msg':'hi'}]}");
        h.serverSends("{'msg':'updated','methods':['1']}");
        assertThat(f).isNotDone();
        h.serverSends("{'msg':'result','id':'1','result':{'_id':'m1','ts':{'$date':1731928800000}}}");
        assertThat(f.join()).isEqualTo(Map.of("_id", "m1", "ts", Instant.ofEpochMilli(1731928800000L)));
    }

    @Test
    void updatedAfterResultIsHarmless() {
        CompletableFuture<Object> f = h.client.call("m", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'m','params':[]}");
        h.serverSends("{'msg':'result','id':'1','result':42}");
        h.serverSends("{'msg':'updated','methods':['1']}");
        assertThat(f).isCompletedWithValue(42);
        assertThat(h.client.badFrameCounts().get(BadFrameKind.UNKNOWN_ID)).isZero();
    }

    @Test
    void resultWithoutResultFieldResolvesToNull() {
        CompletableFuture<Object> f = h.client.call("readMessages", List.of("GENERAL"));
        h.expectSent("{'msg':'method','id':'1','method':'readMessages','params':['GENERAL']}");
        h.serverSends("{'msg':'result','id':'1'}");
        assertThat(f).isCompletedWithValue(null);
    }

    @Test
    void manyCallsInFlightAreCorrelatedByIdWhateverTheOrderOfResults() {
        CompletableFuture<Object> a = h.client.call("a", List.of());
        CompletableFuture<Object> b = h.client.call("b", List.of());
        CompletableFuture<Object> c = h.client.call("c", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'a','params':[]}");
        h.expectSent("{'msg':'method','id':'2','method':'b','params':[]}");
        h.expectSent("{'msg':'method','id':'3','method':'c','params':[]}");
        h.serverSends("{'msg':'result','id':'3','result':'C'}");
        assertThat(c).isCompletedWithValue("C");
        assertThat(a).isNotDone();
        h.serverSends("{'msg':'result','id':'1','result':'A'}");
        h.serverSends("{'msg':'result','id':'2','result':false}");
        assertThat(a).isCompletedWithValue("A");
        assertThat(b).isCompletedWithValue(false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // section F.1: client-safe error with details
        "not-allowed|{'isClientSafe':true,'error':'error-not-allowed','reason':'Not allowed','details':{'method':'joinRoom'},'message':'Not allowed [error-not-allowed]','errorType':'Meteor.Error'}|error-not-allowed|Not allowed|Not allowed [error-not-allowed]",
        // numeric code (method not found)
        "numeric 404|{'isClientSafe':true,'error':404,'reason':'Method \\u0027x\\u0027 not found','message':'Method \\u0027x\\u0027 not found [404]','errorType':'Meteor.Error'}|404|Method 'x' not found|Method 'x' not found [404]",
        // non client-safe exception
        "internal 500|{'isClientSafe':true,'error':500,'reason':'Internal server error','message':'Internal server error [500]','errorType':'Meteor.Error'}|500|Internal server error|Internal server error [500]",
        // check() failure
        "match failed|{'isClientSafe':true,'error':400,'reason':'Match failed','message':'Match failed [400]','errorType':'Meteor.Error'}|400|Match failed|Match failed [400]",
        // no reason, message is just [code] (stream not-allowed)
        "no reason|{'isClientSafe':true,'error':'not-allowed','message':'[not-allowed]','errorType':'Meteor.Error'}|not-allowed||[not-allowed]",
        // ddp-streamer key order
        "streamer order|{'isClientSafe':true,'errorType':'Meteor.Error','error':'error-invalid-room','reason':'Invalid room','message':'Invalid room [error-invalid-room]','details':{'method':'getRoomByTypeAndName'}}|error-invalid-room|Invalid room|Invalid room [error-invalid-room]",
        // section F.3 rate limit
        "rate limit|{'isClientSafe':true,'error':'too-many-requests','reason':'Error, too many requests. Please slow down. You must wait 7 seconds before trying again.','details':{'timeToReset':6843},'message':'Error, too many requests. Please slow down. You must wait 7 seconds before trying again. [too-many-requests]','errorType':'Meteor.Error'}|too-many-requests|Error, too many requests. Please slow down. You must wait 7 seconds before trying again.|Error, too many requests. Please slow down. You must wait 7 seconds before trying again. [too-many-requests]",
        // section B.5 totp-required
        "totp required|{'isClientSafe':true,'error':'totp-required','reason':'TOTP Required','details':{'method':'totp','availableMethods':['totp','email']},'message':'TOTP Required [totp-required]','errorType':'Meteor.Error'}|totp-required|TOTP Required|TOTP Required [totp-required]",
        // section B.6 ambiguous login error
        "login 403|{'isClientSafe':true,'error':403,'reason':'Something went wrong. Please check your credentials.','message':'Something went wrong. Please check your credentials. [403]','errorType':'Meteor.Error'}|403|Something went wrong. Please check your credentials.|Something went wrong. Please check your credentials. [403]",
    })
    void errorResultsBecomeDdpMethodExceptions(String name, String error, String code, String reason, String message) {
        CompletableFuture<Object> f = h.client.call("joinRoom", List.of("GENERAL"));
        h.expectSent("{'msg':'method','id':'1','method':'joinRoom','params':['GENERAL']}");
        h.serverSends("{'msg':'result','id':'1','error':" + error + "}");
        DdpMethodException e = failure(f, DdpMethodException.class);
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getError()).isInstanceOf(code.matches("\\d+") ? Number.class : String.class);
        assertThat(e.getReason()).isEqualTo(reason);
        assertThat(e.getServerMessage()).isEqualTo(message);
        assertThat(e.getMethod()).isEqualTo("joinRoom");
        assertThat(e.getCallId()).isEqualTo("1");
        assertThat(e.getMessage()).contains("joinRoom").contains("id 1").contains(code);
    }

    @Test
    void errorDetailsArePlainJsonWithIsoDatesKeptAsStrings() {
        CompletableFuture<Object> f = h.client.call("login", List.of(Map.of("resume", "t")));
        h.expectSent("{'msg':'method','id':'1','method':'login','params':[{'resume':'******'}]}".replace("******", "t"));
        h.serverSends("{'msg':'result','id':'1','error':{'error':'totp-required','reason':'TOTP Required',"
                + "'details':{'method':'email','codeGenerated':false,'codeCount':1,"
                + "'codeExpires':['2026-01-01T10:00:00.000Z'],'when':{'$date':5}}}}");
        DdpMethodException e = failure(f, DdpMethodException.class);
        assertThat(e.getDetails()).containsEntry("codeExpires", List.of("2026-01-01T10:00:00.000Z"))
                .containsEntry("codeCount", 1).containsEntry("when", Map.of("$date", 5));
    }

    @Test
    void callTimesOutWithAnExceptionNamingMethodAndId() {
        CompletableFuture<Object> f = h.client.call("slowMethod", List.of(), Duration.ofSeconds(2));
        h.expectSent("{'msg':'method','id':'1','method':'slowMethod','params':[]}");
        h.advance(Duration.ofMillis(1999));
        assertThat(f).isNotDone();
        h.advance(Duration.ofMillis(1));
        DdpTimeoutException e = failure(f, DdpTimeoutException.class);
        assertThat(e.getMessage()).contains("'slowMethod'").contains("id 1").contains("2 s");
        // the late result is neither an error nor a bad frame
        h.serverSends("{'msg':'result','id':'1','result':1}");
        assertThat(h.client.badFrameCounts().get(BadFrameKind.UNKNOWN_ID)).isZero();
        assertThat(h.client.isConnected()).isTrue();
    }

    @Test
    void defaultMethodTimeoutIsThirtySeconds() {
        CompletableFuture<Object> f = h.client.call("m", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'m','params':[]}");
        h.serverSends("{'msg':'ping'}"); // keep the heartbeat quiet
        h.expectSent("{'msg':'pong'}");
        h.advance(Duration.ofSeconds(20));
        h.serverSends("{'msg':'ping'}");
        h.expectSent("{'msg':'pong'}");
        h.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(f).isNotDone();
        h.advance(Duration.ofMillis(1));
        assertThat(failure(f, DdpTimeoutException.class).getMessage()).contains("30 s");
    }

    @Test
    void closeWithCallsPendingFailsThemAsConnectionClosed() {
        CompletableFuture<Object> a = h.client.call("a", List.of());
        CompletableFuture<Object> b = h.client.call("b", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'a','params':[]}");
        h.expectSent("{'msg':'method','id':'2','method':'b','params':[]}");
        h.client.close();
        h.scheduler.runPending();
        assertThat(failure(a, DdpConnectionClosedException.class).getMessage())
                .contains("Connection closed before the result of 'a' (id 1)").contains("client closed");
        assertThat(failure(b, DdpConnectionClosedException.class).getMessage()).contains("'b' (id 2)");
        assertThat(h.events.next(EventRecorder.Disconnected.class).disconnect().requested()).isTrue();
        assertThat(h.socket().closeCode()).isEqualTo(1000);
        assertThat(h.client.call("c", List.of())).isCompletedExceptionally();
    }

    @Test
    void lostConnectionFailsPendingCallsWithTheCause() {
        CompletableFuture<Object> a = h.client.call("a", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'a','params':[]}");
        h.socket().peerClose(1001, "going away");
        h.scheduler.runPending();
        assertThat(failure(a, DdpConnectionClosedException.class).getMessage()).contains("1001 going away");
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.requested()).isFalse();
        assertThat(d.closeCode()).isEqualTo(1001);
        assertThat(d.reason()).contains("going away");
    }

    @Test
    void sendFailureIsTreatedAsADisconnect() {
        h.socket().failSendsWith(new java.util.concurrent.RejectedExecutionException("executor shut down"));
        CompletableFuture<Object> f = h.client.call("a", List.of());
        h.scheduler.runPending();
        assertThat(failure(f, DdpConnectionClosedException.class).getMessage()).contains("RejectedExecutionException");
        DdpDisconnect d = h.events.next(EventRecorder.Disconnected.class).disconnect();
        assertThat(d.cause()).isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(h.client.isConnected()).isFalse();
    }

    @Test
    void connectionLevelErrorAboutOurMethodFailsThatCall() {
        CompletableFuture<Object> f = h.client.call("m", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'m','params':[]}");
        h.serverSends("{'msg':'error','reason':'Malformed method invocation','offendingMessage':{'msg':'method','id':'1'}}");
        assertThat(failure(f, DdpException.class).getMessage()).contains("'m' (id 1)")
                .contains("Malformed method invocation");
    }

    @Test
    void connectionLevelErrorWithoutOffendingMessageKeepsTheConnection() {
        h.serverSends("{'msg':'error','reason':'Bad request'}");
        assertThat(h.client.isConnected()).isTrue();
    }

    @Test
    void paramsThatCannotBeSentAreRefusedAtOnce() {
        assertThatThrownBy(() -> h.client.call("m", List.of(Map.of("when", new Object()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("params[0].when");
        assertThatThrownBy(() -> h.client.call("m", List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
