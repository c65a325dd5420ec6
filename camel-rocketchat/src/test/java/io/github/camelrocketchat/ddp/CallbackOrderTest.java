package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.support.JsonFrames.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.FakeScheduler;
import io.github.camelrocketchat.ddp.support.FakeTransport;
import io.github.camelrocketchat.ddp.support.FakeTransportFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Future completions and listener calls come out in the order the connection thread produced them, even on a
 * multi-threaded callback executor: a listener call never overtakes an earlier completion.
 */
class CallbackOrderTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "user-pool");
        t.setDaemon(true);
        return t;
    });
    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeTransportFactory factory = new FakeTransportFactory();
    private final DdpClient client = new DdpClient(DdpClientOptions.builder("ws://127.0.0.1:1/websocket")
            .scheduler(scheduler).transportFactory(factory).callbackExecutor(pool).name("order").build());
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        client.close();
        scheduler.runPending();
        pool.shutdownNow();
    }

    private void record(String what) {
        assertThat(Thread.currentThread().getName()).isEqualTo("user-pool");
        seen.add(what);
    }

    @Test
    void completionsAndListenerCallsKeepOneOrder() throws Exception {
        int n = 500;
        CountDownLatch done = new CountDownLatch(4 + 2 * n);
        client.addConnectionListener(new DdpConnectionListener() {
            @Override
            public void onConnected(String sessionId) {
                record("onConnected");
                done.countDown();
            }
        });
        client.onStream("stream-room-messages", null, e -> {
            record("event " + e.args().get(0));
            done.countDown();
        });
        CompletableFuture<String> connect = client.connect();
        connect.whenComplete((v, e) -> {
            record("connect()");
            done.countDown();
        });
        DdpSubscription sub = client.subscribe("stream-room-messages", List.of("GENERAL", false),
                new DdpSubscriptionListener() {
                    @Override
                    public void onReady(DdpSubscription s) {
                        record("onReady");
                        done.countDown();
                    }
                });
        sub.ready().whenComplete((v, e) -> {
            record("ready()");
            done.countDown();
        });
        List<String> expected = new ArrayList<>(List.of("connect()", "onConnected", "ready()", "onReady"));
        for (int i = 0; i < n; i++) {
            String label = "result " + i;
            client.call("sendMessage", List.of(i)).whenComplete((v, e) -> {
                record(label);
                done.countDown();
            });
            expected.add(label);
            expected.add("event " + i);
        }
        scheduler.runPending();
        FakeTransport socket = factory.lastDial().transport();
        socket.receive(json("{'msg':'connected','session':'S'}"));
        socket.receive(json("{'msg':'ready','subs':['" + sub.id() + "']}"));
        for (int i = 0; i < n; i++) {
            // the call's result, then the stream event it caused
            socket.receive(json("{'msg':'result','id':'" + (i + 1) + "','result':" + i + "}"));
            socket.receive(json("{'msg':'changed','collection':'stream-room-messages','id':'id',"
                    + "'fields':{'eventName':'GENERAL','args':[" + i + "]}}"));
        }
        scheduler.runPending();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
