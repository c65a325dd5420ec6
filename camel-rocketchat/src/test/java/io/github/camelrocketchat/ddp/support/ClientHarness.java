package io.github.camelrocketchat.ddp.support;

import static io.github.camelrocketchat.ddp.support.JsonFrames.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A {@link DdpClient} on a {@link FakeScheduler} and {@link FakeTransportFactory}, with a direct callback
 * executor: everything runs on the test thread, in virtual time. The test plays the server.
 */
public final class ClientHarness implements AutoCloseable {
    public static final String CONNECT = "{'msg':'connect','version':'1','support':['1','pre2','pre1']}";

    public final FakeScheduler scheduler = new FakeScheduler();
    public final FakeTransportFactory factory = new FakeTransportFactory();
    public final EventRecorder events = new EventRecorder();
    public final DdpClient client;

    public ClientHarness() {
        this(b -> {
        });
    }

    public ClientHarness(Consumer<DdpClientOptions.Builder> customize) {
        DdpClientOptions.Builder b = DdpClientOptions.builder("http://chat.example.test")
                .scheduler(scheduler)
                .callbackExecutor(Runnable::run)
                .transportFactory(factory)
                .random(RandomGenerator.of("L64X128MixRandom"))
                .name("test");
        customize.accept(b);
        client = new DdpClient(b.build());
        client.addConnectionListener(events);
    }

    /** Connects and answers the handshake; the {@code Connected} event is consumed. */
    public String connect() {
        CompletableFuture<String> f = client.connect();
        scheduler.runPending();
        expectSent(CONNECT);
        serverSends("{'msg':'connected','session':'S1'}");
        assertThat(f).isCompletedWithValue("S1");
        assertThat(events.next(EventRecorder.Connected.class).session()).isEqualTo("S1");
        return "S1";
    }

    /** The socket of the latest dial. */
    public FakeTransport socket() {
        return factory.lastDial().transport();
    }

    /** The server sends a frame (single quotes allowed); the client processes it at once. */
    public void serverSends(String frame) {
        socket().receive(json(frame));
        scheduler.runPending();
    }

    /** Sends the frame exactly as given (no quote conversion), for malformed input. */
    public void serverSendsRaw(String frame) {
        socket().receive(frame);
        scheduler.runPending();
    }

    /** Asserts the next frame the client sent and returns it parsed. */
    public JsonNode expectSent(String expected) {
        scheduler.runPending();
        return JsonFrames.assertFrame(expected, socket().pollSent());
    }

    public void expectNothingSent() {
        scheduler.runPending();
        assertThat(socket().pollSent()).as("no further frame sent").isNull();
    }

    public void advance(Duration d) {
        scheduler.advance(d);
    }

    /**
     * Checks that no sent frame is left unexamined, closes the client (a connected one reports a requested
     * disconnect), and checks that no listener event is left over.
     */
    @Override
    public void close() {
        scheduler.runPending();
        if (factory.lastDial() != null && socket() != null) {
            assertThat(socket().pollSent()).as("a sent frame the test did not examine").isNull();
        }
        boolean wasConnected = client.isConnected();
        client.close();
        scheduler.runPending();
        if (wasConnected) {
            assertThat(events.next(EventRecorder.Disconnected.class).disconnect().requested()).isTrue();
            assertThat(socket().isClosed()).isTrue();
            assertThat(socket().closeCode()).isEqualTo(1000);
        }
        events.assertExhausted();
    }
}
