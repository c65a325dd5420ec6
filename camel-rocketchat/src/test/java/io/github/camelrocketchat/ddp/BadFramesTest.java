package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.LogCapture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadFramesTest {
    private final ClientHarness h = new ClientHarness();
    private LogCapture logs;

    @BeforeEach
    void connect() {
        h.connect();
        logs = new LogCapture();
    }

    @AfterEach
    void noLeftovers() {
        logs.close();
        h.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "INVALID_JSON|{\"msg\":\"result\",",
        "INVALID_JSON|not json at all",
        "INVALID_JSON|{\"msg\":\"ping\"} trailing",
        "INVALID_JSON|''",
        "NOT_AN_OBJECT|[1,2,3]",
        "NOT_AN_OBJECT|\"\"\"connected\"\"\"",
        "NOT_AN_OBJECT|42",
        "NOT_AN_OBJECT|null",
        "WRONG_FIELD_TYPE|{\"msg\":5}",
        "WRONG_FIELD_TYPE|{\"msg\":\"result\",\"id\":7,\"result\":1}",
        "WRONG_FIELD_TYPE|{\"msg\":\"ready\",\"subs\":\"s1\"}",
        "WRONG_FIELD_TYPE|{\"msg\":\"ready\",\"subs\":[1]}",
        "WRONG_FIELD_TYPE|{\"msg\":\"changed\",\"collection\":\"users\",\"id\":\"u1\",\"fields\":[]}",
        "WRONG_FIELD_TYPE|{\"msg\":\"added\",\"id\":\"u1\"}",
        "WRONG_FIELD_TYPE|{\"msg\":\"nosub\",\"id\":\"s\",\"error\":\"boom\"}",
        "WRONG_FIELD_TYPE|{\"msg\":\"ping\",\"id\":3}",
        "WRONG_FIELD_TYPE|{\"msg\":\"changed\",\"collection\":\"c\",\"id\":\"1\",\"fields\":{\"d\":{\"$date\":\"yesterday\"}}}",
        "UNKNOWN_ID|{\"msg\":\"result\",\"id\":\"999\",\"result\":1}",
    })
    void badFramesAreCountedLoggedOnceAndDoNotKillTheConnection(BadFrameKind kind, String frame) {
        String text = frame.equals("''") ? "" : frame;
        h.serverSendsRaw(text);
        h.serverSendsRaw(text);
        assertThat(h.client.badFrameCounts()).containsEntry(kind, 2L);
        assertThat(h.client.badFrameCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        assertThat(logs.at(Level.WARN)).hasSize(1).allMatch(l -> l.contains(kind.name()));
        assertThat(logs.at(Level.DEBUG)).anyMatch(l -> l.contains(kind + " #2"));
        assertStillWorking();
    }

    @Test
    void binaryFramesAreCountedAndDropped() {
        h.socket().receiveBinary(new byte[] {1, 2, 3});
        h.scheduler.runPending();
        assertThat(h.client.badFrameCounts()).containsEntry(BadFrameKind.BINARY, 1L);
        assertThat(logs.at(Level.WARN)).singleElement().asString().contains("3 bytes");
        assertStillWorking();
    }

    @Test
    void aMalformedResultFailsTheCallItAnswers() {
        CompletableFuture<Object> f = h.client.call("getThing", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'getThing','params':[]}");
        h.serverSends("{'msg':'result','id':'1','result':{'when':{'$date':'not a number'}}}");
        assertThat(failure(f, DdpException.class).getMessage()).contains("Malformed result for 'getThing' (id 1)")
                .contains("$date");
        assertThat(h.client.badFrameCounts()).containsEntry(BadFrameKind.WRONG_FIELD_TYPE, 1L);
    }

    @Test
    void logMessagesNameTheProblemButNeverQuoteTheFrame() {
        h.serverSendsRaw("{\"msg\":\"result\",\"id\":\"5\",\"result\":{\"token\":\"SECRET-TOKEN\"} oops");
        h.serverSendsRaw("{\"msg\":\"result\",\"id\":5,\"result\":\"SECRET-TOKEN\"}");
        h.serverSendsRaw("{\"msg\":\"result\",\"id\":\"SECRET-ID-IS-FINE\",\"result\":\"SECRET-TOKEN\"}");
        // (the TRACE frame log shows frames, redacted by key; see SecretsTest) everything else never quotes them
        String problems = String.join("\n", logs.lines().stream()
                .filter(l -> !l.startsWith("io.github.camelrocketchat.ddp.frames")).toList());
        assertThat(problems).doesNotContain("SECRET-TOKEN").contains("char 59").contains("'id' must be a string");
    }

    private void assertStillWorking() {
        assertThat(h.client.isConnected()).isTrue();
        CompletableFuture<Object> f = h.client.call("still", List.of());
        h.expectSent("{'msg':'method','id':'1','method':'still','params':[]}");
        h.serverSends("{'msg':'result','id':'1','result':'alive'}");
        assertThat(f).isCompletedWithValue("alive");
    }
}
