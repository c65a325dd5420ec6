package io.github.camelrocketchat.bench;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.Firehose;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * P3, latency at a steady rate: from the server writing a frame to the route seeing its exchange, against the bare
 * Jackson reader seeing the parsed frame, in the same run. One JVM, so both ends read the same {@link System#nanoTime}.
 *
 * <p>Args: {@code [perSecond=5000] [seconds=6] [rounds=3]}.
 */
public final class LatencyBench {
    public static void main(String[] args) throws Exception {
        int rate = BenchSupport.intArg(args, 0, 5000);
        int seconds = BenchSupport.intArg(args, 1, 6);
        int rounds = BenchSupport.intArg(args, 2, 3);
        run(rate, seconds, rounds);
    }

    static void run(int rate, int seconds, int rounds) throws Exception {
        int n = rate * seconds;
        BenchSupport.header("P3 latency", rate + " msg/s for " + seconds + " s (" + n + " frames) per pass", rounds);
        try (RocketChatTestServer server = BenchSupport.server()) {
            server.createChannel("steady", BenchSupport.AUTHOR, BenchSupport.BOT);
            Firehose hose = server.firehose("steady", BenchSupport.AUTHOR, n, 24);
            List<Double> routeP50 = new ArrayList<>();
            List<Double> routeP99 = new ArrayList<>();
            List<Double> bareP50 = new ArrayList<>();
            List<Double> bareP99 = new ArrayList<>();
            for (int r = 0; r <= rounds; r++) {
                long[] bare = bare(server, hose, rate);
                long[] route = route(server, hose, rate);
                double b50 = BenchSupport.percentile(bare, 0.50) / 1e6;
                double b99 = BenchSupport.percentile(bare, 0.99) / 1e6;
                double r50 = BenchSupport.percentile(route, 0.50) / 1e6;
                double r99 = BenchSupport.percentile(route, 0.99) / 1e6;
                System.out.printf(Locale.ROOT, "   round %d%s: route p50 %.3f ms p99 %.3f ms | bare reader p50 %.3f ms p99 %.3f ms%n", r,
                        r == 0 ? " (warm-up)" : "", r50, r99, b50, b99);
                if (r > 0) {
                    routeP50.add(r50);
                    routeP99.add(r99);
                    bareP50.add(b50);
                    bareP99.add(b99);
                }
            }
            double r99 = BenchSupport.median(routeP99);
            double b99 = BenchSupport.median(bareP99);
            BenchSupport.result("P3 route p99", r99, "ms", "bare Jackson reader p99", b99,
                    String.format(Locale.ROOT, "(+%.3f ms; target p99 <= 2 ms and <= +0.3 ms)", r99 - b99));
            BenchSupport.result("P3 route p50", BenchSupport.median(routeP50), "ms", "bare Jackson reader p50",
                    BenchSupport.median(bareP50), "");
        }
    }

    /** Latencies (ns) of every frame, sorted. */
    private static long[] bare(RocketChatTestServer server, Firehose hose, int rate) throws Exception {
        int n = hose.size();
        long[] written = new long[n];
        long[] seen = new long[n];
        try (BareReader reader = BareReader.open(server.webSocketUrl(), BenchSupport.BOT, BenchSupport.BOT_PASSWORD,
                hose.roomId(), BareReader.Mode.PARSE)) {
            CompletableFuture<Long> done = reader.expect(n, seen);
            hose.fireSteady(rate, written);
            done.get(120, TimeUnit.SECONDS);
        }
        return latencies(written, seen);
    }

    private static long[] route(RocketChatTestServer server, Firehose hose, int rate) throws Exception {
        int n = hose.size();
        long[] written = new long[n];
        long[] seen = new long[n];
        AtomicInteger count = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CamelContext ctx = BenchSupport.camel();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + BenchSupport.login(server) + "&roomId=" + hose.roomId()
                        + "&messageEvents=created").process(e -> {
                            seen[BareReader.index(e.getMessage().getBody(ChatMessage.class).text())] = System.nanoTime();
                            if (count.incrementAndGet() == n) {
                                done.complete(null);
                            }
                        });
            }
        });
        ctx.start();
        try {
            hose.fireSteady(rate, written);
            done.get(120, TimeUnit.SECONDS);
        } finally {
            ctx.close();
        }
        return latencies(written, seen);
    }

    private static long[] latencies(long[] written, long[] seen) {
        long[] l = new long[written.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = seen[i] - written[i];
        }
        Arrays.sort(l);
        return l;
    }
}
