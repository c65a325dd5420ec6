package io.github.camelrocketchat.bench;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.Firehose;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * P1, inbound throughput: a firehose of ~400-byte {@code stream-room-messages} frames into
 * {@code rocketchat:stream-room-messages?roomId=...} and a counting processor (which also checks that every message
 * came exactly once), against a bare Tyrus client that parses each frame with Jackson (the baseline) and one that
 * only counts frames (the source's capacity, which must be at least 3x the route's for the figure to mean anything).
 *
 * <p>Args: {@code [messages=200000] [rounds=5] [batch=256] [maxQueueSize=1000]}.
 */
public final class InboundBench {
    public static void main(String[] args) throws Exception {
        int messages = BenchSupport.intArg(args, 0, 200_000);
        int rounds = BenchSupport.intArg(args, 1, 5);
        int batch = BenchSupport.intArg(args, 2, 256);
        int maxQueueSize = BenchSupport.intArg(args, 3, 1000);
        System.exit(run(messages, rounds, batch, maxQueueSize) ? 0 : 1);
    }

    /** @return true when the route got every message exactly once in every round */
    static boolean run(int messages, int rounds, int batch, int maxQueueSize) throws Exception {
        BenchSupport.header("P1 inbound", messages + " frames per pass, batches of " + batch + ", maxQueueSize="
                + maxQueueSize, rounds);
        try (RocketChatTestServer server = BenchSupport.server()) {
            server.createChannel("firehose", BenchSupport.AUTHOR, BenchSupport.BOT);
            Firehose hose = server.firehose("firehose", BenchSupport.AUTHOR, messages, 24);
            System.out.printf(Locale.ROOT, "   frames of %d bytes%n", hose.frameBytes());
            List<Double> count = new ArrayList<>();
            List<Double> parse = new ArrayList<>();
            List<Double> route = new ArrayList<>();
            boolean exact = true;
            for (int r = 0; r <= rounds; r++) {
                double c = reader(server, hose, batch, BareReader.Mode.COUNT);
                double p = reader(server, hose, batch, BareReader.Mode.PARSE);
                RouteResult rr = route(server, hose, batch, maxQueueSize);
                exact &= rr.exact;
                System.out.printf(Locale.ROOT, "   round %d%s: count-only %.0f/s, bare Jackson reader %.0f/s, route %.0f/s%s%n", r,
                        r == 0 ? " (warm-up)" : "", c, p, rr.rate, rr.exact ? "" : " NOT EXACTLY ONCE: " + rr.problem);
                if (r > 0) {
                    count.add(c);
                    parse.add(p);
                    route.add(rr.rate);
                }
            }
            double mc = BenchSupport.median(count);
            double mp = BenchSupport.median(parse);
            double mr = BenchSupport.median(route);
            BenchSupport.result("P1 route msg/s", mr, "msg/s", "bare Jackson reader", mp, "(target >= 1.25x)");
            BenchSupport.result("P1 source check: count-only", mc, "msg/s", "route", mr, "(must be >= 3x)");
            System.out.println("   rounds (msg/s) route: " + BenchSupport.rounds(route) + " | bare: " + BenchSupport.rounds(parse)
                    + " | count-only: " + BenchSupport.rounds(count));
            System.out.println("   every message delivered exactly once in every round: " + exact);
            return exact;
        }
    }

    private static double reader(RocketChatTestServer server, Firehose hose, int batch, BareReader.Mode mode) throws Exception {
        try (BareReader reader = BareReader.open(server.webSocketUrl(), BenchSupport.BOT, BenchSupport.BOT_PASSWORD,
                hose.roomId(), mode)) {
            CompletableFuture<Long> done = reader.expect(hose.size(), null);
            long t0 = System.nanoTime();
            hose.fire(batch);
            long end = done.get(120, TimeUnit.SECONDS);
            return hose.size() * 1e9 / (end - t0);
        }
    }

    private record RouteResult(double rate, boolean exact, String problem) {
    }

    private static RouteResult route(RocketChatTestServer server, Firehose hose, int batch, int maxQueueSize) throws Exception {
        int n = hose.size();
        BitSet seen = new BitSet(n);
        long[] received = new long[1];
        int[] repeats = new int[1];
        CompletableFuture<Long> done = new CompletableFuture<>();
        CamelContext ctx = BenchSupport.camel();
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + BenchSupport.login(server) + "&roomId=" + hose.roomId()
                        + "&messageEvents=created&maxQueueSize=" + maxQueueSize)
                        .process(e -> {
                            int i = BareReader.index(e.getMessage().getBody(ChatMessage.class).text());
                            // one consumer delivers in order on one thread at a time: no lock needed beyond visibility
                            synchronized (seen) {
                                if (seen.get(i)) {
                                    repeats[0]++;
                                }
                                seen.set(i);
                                if (++received[0] == n) {
                                    done.complete(System.nanoTime());
                                }
                            }
                        });
            }
        });
        ctx.start();
        try {
            long t0 = System.nanoTime();
            hose.fire(batch);
            long end = done.get(300, TimeUnit.SECONDS);
            synchronized (seen) {
                boolean exact = seen.cardinality() == n && repeats[0] == 0;
                return new RouteResult(n * 1e9 / (end - t0), exact, seen.cardinality() + " distinct, " + repeats[0] + " repeats");
            }
        } finally {
            ctx.close();
        }
    }
}
