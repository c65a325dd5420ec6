package io.github.camelrocketchat.ddp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Tyrus transport against a real loopback WebSocket server (Jetty). */
class TyrusTransportTest {
    private static TyrusTransportFactory factory;
    private LoopbackServer server;
    private final Events events = new Events();

    /** Transport listener events as strings, in order. */
    static final class Events implements Transport.Listener {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

        @Override
        public void onOpen(Transport transport) {
            queue.add("open");
        }

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onBinary(byte[] data) {
            queue.add("binary " + data.length);
        }

        @Override
        public void onClose(int code, String reason) {
            queue.add("close " + code);
        }

        @Override
        public void onError(Throwable error) {
            queue.add("error " + error);
        }

        String next() throws InterruptedException {
            String e = queue.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("transport event").isNotNull();
            return e;
        }
    }

    @BeforeAll
    static void createFactory() {
        factory = new TyrusTransportFactory();
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
    }

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Transport open(int maxFrameSize) throws Exception {
        return factory.connect(server.uri(), new TransportFactory.TransportSettings(Duration.ofSeconds(5), maxFrameSize,
                null), events).get(10, TimeUnit.SECONDS);
    }

    @Test
    void oneMegabyteFramesBothWaysAndACleanClose() throws Exception {
        Transport t = open(4 * 1024 * 1024);
        assertThat(events.next()).isEqualTo("open");
        String big = "x".repeat(1024 * 1024);
        t.sendText(big).get(10, TimeUnit.SECONDS);
        assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(big);
        server.session().getBasicRemote().sendText(big + "!");
        assertThat(events.texts.poll(10, TimeUnit.SECONDS)).hasSize(1024 * 1024 + 1);

        t.close(1000, "bye");
        t.close(1000, "again");
        assertThat(server.closeReason().getCloseCode().getCode()).isEqualTo(1000);
        assertThat(server.closeReason().getReasonPhrase()).isEqualTo("bye");
        // our own close, reported at once, even if Tyrus reports an error while it closes (see the test below)
        assertThat(events.next()).isEqualTo("close 1000");
        assertThatThrownBy(() -> t.sendText("late").get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        // after our close Tyrus may still report the end of the socket (onClose when the server's close frame
        // comes back, onError on an I/O failure): make those reports here, so the check needs no waiting for
        // something that should not happen
        TyrusTransport endpoint = (TyrusTransport) t;
        endpoint.onClose(server.session(), new jakarta.websocket.CloseReason(
                jakarta.websocket.CloseReason.CloseCodes.NORMAL_CLOSURE, "late close"));
        endpoint.onError(server.session(), new IOException("late error"));
        assertThat(events.queue).as("nothing after close").isEmpty();
        assertThat(events.texts).isEmpty();
    }

    @Test
    void ourOwnCloseIsReportedAsACloseEvenIfTyrusReportsAnErrorMeanwhile() throws Exception {
        TyrusTransport transport = new TyrusTransport(events, new CompletableFuture<>(), 65536);
        // a Session whose close() makes Tyrus's error report, as its I/O thread can while close() is under way
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        transport.onError((Session) proxy, new IllegalStateException("The connection has been closed."));
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "scripted session";
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
        transport.onOpen(session, null);
        assertThat(events.next()).isEqualTo("open");

        transport.close(1000, "bye");

        assertThat(events.next()).isEqualTo("close 1000");
        assertThat(events.queue).isEmpty();
    }

    @Test
    void framesArriveInOrderBothWays() throws Exception {
        Transport t = open(1024 * 1024);
        assertThat(events.next()).isEqualTo("open");
        for (int i = 0; i < 500; i++) {
            t.sendText("c" + i);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo("c" + i);
        }
        for (int i = 0; i < 500; i++) {
            server.session().getBasicRemote().sendText("s" + i);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(events.texts.poll(10, TimeUnit.SECONDS)).isEqualTo("s" + i);
        }
        t.close(1000, "");
        assertThat(events.next()).isEqualTo("close 1000");
    }

    @Test
    void aFrameOverMaxFrameSizeClosesTheSocket() throws Exception {
        open(64 * 1024);
        assertThat(events.next()).isEqualTo("open");
        server.session().getBasicRemote().sendText("y".repeat(64 * 1024));
        assertThat(events.texts.poll(10, TimeUnit.SECONDS)).as("exactly maxFrameSize passes").hasSize(64 * 1024);
        server.session().getBasicRemote().sendText("\u00e9".repeat(32 * 1024 + 1)); // 64 KiB + 2 bytes of UTF-8
        assertThat(events.next()).isEqualTo("close 1009");
        assertThat(server.closeReason().getCloseCode().getCode()).isEqualTo(1009);
        assertThat(server.closeReason().getReasonPhrase()).contains("exceeds maxFrameSize 65536");
        assertThat(events.texts).isEmpty();
    }

    @Test
    void aFrameOverTyrusReadBufferCapIsReportedAsTooBigToo() throws Exception {
        // 1 MiB limit, but Tyrus buffers up to 4 MiB: a 5 MiB frame trips Tyrus's own 1011 "Buffer overflow."
        open(1024 * 1024);
        assertThat(events.next()).isEqualTo("open");
        server.session().getBasicRemote().sendText("x".repeat(5 * 1024 * 1024));
        assertThat(events.next()).isEqualTo("close 1009");
        assertThat(events.texts).isEmpty();
    }

    @Test
    void aBinaryFrameOverMaxFrameSizeClosesTheSocketToo() throws Exception {
        open(2048);
        assertThat(events.next()).isEqualTo("open");
        server.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[4096]));
        assertThat(events.next()).isEqualTo("close 1009");
    }

    @Test
    void tyrusReadBufferCapIsNeverBelowFourMegabytes() {
        assertThat(TyrusTransportFactory.readBufferCap(1024)).isEqualTo(TyrusTransportFactory.MIN_READ_BUFFER_CAP);
        assertThat(TyrusTransportFactory.readBufferCap(64 * 1024 * 1024)).isEqualTo(64 * 1024 * 1024 + 14);
        assertThat(TyrusTransportFactory.readBufferCap(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void binaryFramesAndServerClosesReachTheListener() throws Exception {
        open(64 * 1024);
        assertThat(events.next()).isEqualTo("open");
        server.session().getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        assertThat(events.next()).isEqualTo("binary 4");
        server.session().close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.getCloseCode(4000),
                "TIMEOUT"));
        assertThat(events.next()).isEqualTo("close 4000");
    }

    @Test
    void connectionRefusedFailsTheConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CompletableFuture<Transport> f = factory.connect(URI.create("ws://127.0.0.1:" + port + "/websocket"),
                new TransportFactory.TransportSettings(Duration.ofSeconds(5), 65536, null), events);
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(events.queue).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersTheUpgradeTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            CompletableFuture<Transport> f = factory.connect(
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/websocket"),
                    new TransportFactory.TransportSettings(Duration.ofMillis(500), 65536, null), events);
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void notAWebSocketUriIsRefused() {
        // never dialled: the scheme is refused before any socket is opened
        CompletableFuture<Transport> f = factory.connect(URI.create("http://127.0.0.1:1/"),
                new TransportFactory.TransportSettings(Duration.ofSeconds(1), 65536, null), events);
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedFactoryRefusesToConnect() throws IOException {
        TyrusTransportFactory own = new TyrusTransportFactory();
        own.close();
        own.close();
        assertThat(own.connect(server.uri(), new TransportFactory.TransportSettings(Duration.ofSeconds(1), 65536, null),
                events)).isCompletedExceptionally();
        TyrusTransportFactory.shared().close();
        assertThat(TyrusTransportFactory.shared()).isSameAs(TyrusTransportFactory.shared());
    }
}
