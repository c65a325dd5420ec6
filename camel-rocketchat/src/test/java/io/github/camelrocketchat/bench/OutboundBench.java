package io.github.camelrocketchat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.testserver.RawDdpClient;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * P2, outbound throughput: {@code rocketchat:sendMessage} with a given number of exchanges in flight (on the
 * endpoint's async producer), against a raw DDP client that keeps the same number of {@code sendMessage} calls in
 * flight on one socket, writing the next as soon as a result comes.
 *
 * <p>Args: {@code [messages=10000] [rounds=3] [depths=1,128,1024]}.
 */
public final class OutboundBench {
    public static void main(String[] args) throws Exception {
        int messages = BenchSupport.intArg(args, 0, 10_000);
        int rounds = BenchSupport.intArg(args, 1, 3);
        String depths = args.length > 2 ? args[2] : "1,128,1024";
        run(messages, rounds, depths);
    }

    static void run(int messages, int rounds, String depths) throws Exception {
        BenchSupport.header("P2 outbound", messages + " sendMessage calls per pass (depth 1: a tenth)", rounds);
        try (RocketChatTestServer server = BenchSupport.server()) {
            server.createChannel("out", BenchSupport.BOT);
            CamelContext ctx = BenchSupport.camel();
            ctx.start();
            String uri = "rocketchat:sendMessage?" + BenchSupport.login(server) + "&roomId=" + server.roomId("out");
            AsyncProducer producer = ctx.getEndpoint(uri).createAsyncProducer();
            producer.start();
            try {
                for (String d : depths.split(",")) {
                    int depth = Integer.parseInt(d.trim());
                    int n = depth == 1 ? Math.max(1, messages / 10) : messages;
                    List<Double> route = new ArrayList<>();
                    List<Double> raw = new ArrayList<>();
                    for (int r = 0; r <= rounds; r++) {
                        double rr = route(ctx, producer, n, depth);
                        double rw = raw(server, n, depth);
                        System.out.printf(Locale.ROOT, "   depth %d round %d%s: route %.0f msg/s, raw client %.0f msg/s%n", depth, r,
                                r == 0 ? " (warm-up)" : "", rr, rw);
                        if (r > 0) {
                            route.add(rr);
                            raw.add(rw);
                        }
                    }
                    BenchSupport.result("P2 sends at depth " + depth, BenchSupport.median(route), "msg/s", "raw client, same depth",
                            BenchSupport.median(raw), "(target >= 0.8x from 128 up)");
                }
            } finally {
                producer.stop();
                ctx.close();
            }
        }
    }

    /**
     * Calls the endpoint's async producer directly, so that {@code depth} exchanges are really in flight (a
     * ProducerTemplate's async methods block one of its threads per exchange).
     */
    private static double route(CamelContext ctx, AsyncProducer producer, int n, int depth) throws Exception {
        Semaphore window = new Semaphore(depth);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            Exchange e = new DefaultExchange(ctx);
            e.getMessage().setBody("bench " + System.nanoTime());
            producer.process(e, doneSync -> {
                if (e.getException() != null) {
                    failed.incrementAndGet();
                }
                window.release();
                done.countDown();
            });
        }
        if (!done.await(300, TimeUnit.SECONDS) || failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " send(s) failed");
        }
        return n * 1e9 / (System.nanoTime() - t0);
    }

    private static double raw(RocketChatTestServer server, int n, int depth) {
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            c.login(BenchSupport.BOT, BenchSupport.BOT_PASSWORD);
            String rid = server.roomId("out");
            long t0 = System.nanoTime();
            int sent = 0;
            int results = 0;
            while (sent < Math.min(depth, n)) {
                send(c, sent++, rid);
            }
            while (results < n) {
                JsonNode f = c.next();
                if ("result".equals(f.path("msg").asText())) {
                    if (f.has("error")) {
                        throw new IllegalStateException("raw send failed: " + f);
                    }
                    results++;
                    if (sent < n) {
                        send(c, sent++, rid);
                    }
                }
            }
            return n * 1e9 / (System.nanoTime() - t0);
        }
    }

    private static void send(RawDdpClient c, int i, String rid) {
        c.send("{\"msg\":\"method\",\"id\":\"m" + i + "\",\"method\":\"sendMessage\",\"params\":[{\"rid\":\"" + rid
                + "\",\"msg\":\"bench " + System.nanoTime() + "\"}]}");
    }
}
