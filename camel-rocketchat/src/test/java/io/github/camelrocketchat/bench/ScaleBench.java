package io.github.camelrocketchat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.testserver.RawDdpClient;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * P4, scale: N room message consumers (one route each) on one shared connection. Measures the time from
 * {@code CamelContext.start()} until every subscription is ready, the heap the started routes retain, and the threads
 * they add; the baseline is a raw DDP client that writes the same N {@code sub} frames at once and waits for every
 * {@code ready}. The server's rate limiter is off (a real server's default allows only so many subscriptions per
 * connection per interval: see docs/performance.md).
 *
 * <p>Args: {@code [consumers=10000] [rounds=3]}.
 */
public final class ScaleBench {
    public static void main(String[] args) throws Exception {
        int n = BenchSupport.intArg(args, 0, 10_000);
        int rounds = BenchSupport.intArg(args, 1, 3);
        System.exit(run(n, rounds) ? 0 : 1);
    }

    static boolean run(int n, int rounds) throws Exception {
        BenchSupport.header("P4 scale", n + " room consumers on one connection", rounds);
        try (RocketChatTestServer server = BenchSupport.server()) {
            List<String> rooms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rooms.add(server.createChannel("room-" + i, BenchSupport.AUTHOR, BenchSupport.BOT).id());
            }
            Heap heapFigures = heap(server, rooms);
            System.out.printf(Locale.ROOT, "   heap retained by %d started routes: rocketchat consumers %.1f MB (%.0f bytes each, of which"
                    + " %.0f are the test server's own state for a subscription, in this JVM), plain direct: routes %.1f MB (%.0f bytes"
                    + " each)%n", n, heapFigures.component() / 1048576.0, (double) heapFigures.component() / n,
                    (double) heapFigures.server() / n, heapFigures.plain() / 1048576.0, (double) heapFigures.plain() / n);
            if (Boolean.getBoolean("bench.histogram")) {
                CamelContext ctx = routes(server, rooms);
                ctx.start();
                awaitReady(ctx, n);
                BenchSupport.printHistogram(Integer.getInteger("bench.histogram.lines", 30));
                ctx.close();
            }
            List<Double> routeMs = new ArrayList<>();
            List<Double> rawMs = new ArrayList<>();
            List<Double> threads = new ArrayList<>();
            List<Double> plainMs = new ArrayList<>();
            boolean ok = true;
            for (int r = 0; r <= rounds; r++) {
                double raw = raw(server, rooms);
                // Camel's own share: the same number of routes from direct:, started and held the same way
                CamelContext plain = plainRoutes(rooms.size());
                long p0 = System.nanoTime();
                plain.start();
                double pms = (System.nanoTime() - p0) / 1e6;
                plain.close();
                int threadsBefore = BenchSupport.liveThreads();
                CamelContext ctx = routes(server, rooms);
                long t0 = System.nanoTime();
                ctx.start();
                boolean ready = awaitReady(ctx, n);
                double ms = (System.nanoTime() - t0) / 1e6;

                int addedThreads = BenchSupport.liveThreads() - threadsBefore;
                ok &= ready && server.subscriptionCount("stream-room-messages") >= n;
                ctx.close();
                System.out.printf(Locale.ROOT, "   round %d%s: routes %.0f ms (raw client %.0f ms, direct: routes %.0f ms), %d threads added%s%n",
                        r, r == 0 ? " (warm-up)" : "", ms, raw, pms, addedThreads, ready ? "" : " NOT ALL READY");
                if (r > 0) {
                    plainMs.add(pms);
                    routeMs.add(ms);
                    rawMs.add(raw);
                    threads.add((double) addedThreads);
                }
            }
            double m = BenchSupport.median(routeMs);
            double b = BenchSupport.median(rawMs);
            BenchSupport.result("P4 start until all ready", m, "ms", "raw DDP client, pipelined", b, "(target <= 2000 ms)");
            BenchSupport.result("P4 start vs plain Camel routes", m, "ms", "the same routes from direct:",
                    BenchSupport.median(plainMs), "(Camel's own start cost for that many routes)");
            BenchSupport.result("P4 retained heap", heapFigures.component() / 1048576.0, "MB", "the same routes from direct:",
                    heapFigures.plain() / 1048576.0, "(target <= 64 MB)");
            System.out.printf(Locale.ROOT, "   RESULT P4 threads added %.0f (target: a fixed number)%n", BenchSupport.median(threads));
            System.out.println("   rounds (ms) routes: " + BenchSupport.rounds(routeMs) + " | raw: " + BenchSupport.rounds(rawMs));
            return ok;
        }
    }

    private static CamelContext routes(RocketChatTestServer server, List<String> rooms) throws Exception {
        CamelContext ctx = BenchSupport.camel(server);
        AtomicLong events = new AtomicLong();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < rooms.size(); i++) {
                    from("rocketchat:stream-room-messages?roomId=" + rooms.get(i) + "&messageEvents=created").routeId("room-" + i)
                            .process(e -> events.incrementAndGet());
                }
            }
        });
        return ctx;
    }

    /** @param server what the test server (same JVM) holds for N subscriptions of one raw client */
    private record Heap(long component, long plain, long server) {
    }

    /**
     * The heap that N started routes hold: used after GC with them started minus used after GC just before the
     * context was made. Measured once, first, after a small warm-up of both kinds (class loading and Camel's one-off
     * caches are not per route), and before any round leaves closing sessions behind.
     */
    private static Heap heap(RocketChatTestServer server, List<String> rooms) throws Exception {
        List<String> few = rooms.subList(0, Math.min(100, rooms.size()));
        for (CamelContext warm : List.of(routes(server, few), plainRoutes(few.size()))) {
            warm.start();
            warm.close();
        }
        long before = BenchSupport.usedHeapAfterGc();
        long serverBytes;
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            c.login(BenchSupport.BOT, BenchSupport.BOT_PASSWORD);
            subscribeAll(c, rooms);
            serverBytes = BenchSupport.usedHeapAfterGc() - before;
        }
        before = BenchSupport.usedHeapAfterGc();
        CamelContext plain = plainRoutes(rooms.size());
        plain.start();
        long plainBytes = BenchSupport.usedHeapAfterGc() - before;
        plain.close();
        before = BenchSupport.usedHeapAfterGc();
        CamelContext ctx = routes(server, rooms);
        ctx.start();
        awaitReady(ctx, rooms.size());
        long bytes = BenchSupport.usedHeapAfterGc() - before;
        ctx.close();
        return new Heap(bytes, plainBytes, serverBytes);
    }

    private static CamelContext plainRoutes(int n) throws Exception {
        CamelContext ctx = BenchSupport.camel();
        AtomicLong events = new AtomicLong();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < n; i++) {
                    from("direct:room-" + i).routeId("room-" + i).process(e -> events.incrementAndGet());
                }
            }
        });
        return ctx;
    }

    /** Every consumer's subscription is ready (the consumer's own view, as its health check reads it). */
    private static boolean awaitReady(CamelContext ctx, int n) {
        return BenchSupport.await(() -> ctx.getRoutes().size() == n && BenchSupport.consumersReady(ctx));
    }

    /** The baseline: one raw client writes every sub frame at once and waits for every ready. */
    private static double raw(RocketChatTestServer server, List<String> rooms) {
        try (RawDdpClient c = RawDdpClient.connected(server.webSocketUrl())) {
            c.login(BenchSupport.BOT, BenchSupport.BOT_PASSWORD);
            long t0 = System.nanoTime();
            subscribeAll(c, rooms);
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static void subscribeAll(RawDdpClient c, List<String> rooms) {
        for (int i = 0; i < rooms.size(); i++) {
            c.send("{\"msg\":\"sub\",\"id\":\"s" + i + "\",\"name\":\"stream-room-messages\",\"params\":[\"" + rooms.get(i)
                    + "\",{\"useCollection\":false,\"args\":[]}]}");
        }
        Set<String> ready = new HashSet<>();
        while (ready.size() < rooms.size()) {
            JsonNode f = c.awaitMsg("ready");
            f.path("subs").forEach(s -> ready.add(s.asText()));
        }
    }
}
