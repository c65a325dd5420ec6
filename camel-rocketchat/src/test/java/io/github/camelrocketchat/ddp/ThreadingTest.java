package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.support.JsonFrames.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.FakeScheduler;
import io.github.camelrocketchat.ddp.support.FakeTransport;
import io.github.camelrocketchat.ddp.support.FakeTransportFactory;
import io.github.camelrocketchat.ddp.support.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadingTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "user-pool");
        t.setDaemon(true);
        return t;
    });
    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeTransportFactory factory = new FakeTransportFactory();
    private final DdpClient client = new DdpClient(DdpClientOptions.builder("ws://127.0.0.1:1/websocket")
            .scheduler(scheduler).transportFactory(factory).callbackExecutor(pool).name("threads").build());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private FakeTransport connect() {
        CompletableFuture<String> f = client.connect();
        scheduler.runPending();
        FakeTransport socket = factory.lastDial().transport();
        socket.receive(json("{'msg':'connected','session':'S'}"));
        scheduler.runPending();
        assertThat(f.join()).isEqualTo("S");
        return socket;
    }

    @Test
    void listenerDeliveryKeepsFrameOrderOnAMultiThreadedCallbackExecutor() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(3000);
        client.onStream("stream-room-messages", null, e -> {
            seen.add(e.args().get(0));
            all.countDown();
        });
        client.onCollection("users", new DdpCollectionListener() {
            @Override
            public void added(String collection, String id, java.util.Map<String, Object> fields) {
                seen.add(id);
                all.countDown();
            }
        });
        FakeTransport socket = connect();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            socket.receive("{\"msg\":\"changed\",\"collection\":\"stream-room-messages\",\"id\":\"id\","
                    + "\"fields\":{\"eventName\":\"R\",\"args\":[" + i + "]}}");
            socket.receive("{\"msg\":\"added\",\"collection\":\"users\",\"id\":\"u" + i + "\"}");
            expected.add(i);
            expected.add("u" + i);
        }
        scheduler.runPending();
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void futuresCompleteOnTheCallbackExecutor() throws Exception {
        FakeTransport socket = connect();
        CompletableFuture<Object> f = client.call("m", List.of());
        CompletableFuture<String> thread = new CompletableFuture<>();
        f.whenComplete((r, e) -> thread.complete(Thread.currentThread().getName()));
        scheduler.runPending();
        socket.receive(json("{'msg':'result','id':'1','result':1}"));
        scheduler.runPending();
        assertThat(thread.get(5, TimeUnit.SECONDS)).isEqualTo("user-pool");
    }

    @Test
    void closeDoesNotShutDownAnExecutorTheUserGave() throws Exception {
        connect();
        client.close();
        scheduler.runPending();
        assertThat(pool.isShutdown()).isFalse();
        assertThat(pool.submit(() -> "still usable").get(5, TimeUnit.SECONDS)).isEqualTo("still usable");
    }

    @Test
    void unknownMsgKindsAreLoggedOnceEachAtDebug() {
        try (LogCapture logs = new LogCapture()) {
            FakeTransport socket = connect();
            for (int i = 0; i < 3; i++) {
                socket.receive(json("{'msg':'server_id','server_id':'0'}"));
                socket.receive(json("{'server_id':'0'}"));
            }
            scheduler.runPending();
            assertThat(logs.at(Level.DEBUG).stream().filter(l -> l.contains("ignoring DDP frames"))).hasSize(2);
            assertThat(logs.at(Level.WARN)).isEmpty();
        }
    }
}
