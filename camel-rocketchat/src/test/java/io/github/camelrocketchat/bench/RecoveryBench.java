package io.github.camelrocketchat.bench;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * P5, recovery: N room consumers with traffic on one connection; the server drops every connection and refuses new
 * ones while a message is posted in every room; then it accepts again. Measured: from the server accepting the new
 * connection (the backoff before it is excluded) until every consumer's subscription is ready again and its gap-fill
 * delivered the message it missed. Baseline: a raw client that subscribes the same N rooms at once.
 *
 * <p>Args: {@code [consumers=1000] [rounds=3]}.
 */
public final class RecoveryBench {
    public static void main(String[] args) throws Exception {
        int n = BenchSupport.intArg(args, 0, 1000);
        int rounds = BenchSupport.intArg(args, 1, 3);
        System.exit(run(n, rounds) ? 0 : 1);
    }

    static boolean run(int n, int rounds) throws Exception {
        BenchSupport.header("P5 recovery", n + " room consumers, the server drops and refuses, a message per room meanwhile", rounds);
        try (RocketChatTestServer server = BenchSupport.server()) {
            List<String> rooms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rooms.add(server.createChannel("room-" + i, BenchSupport.AUTHOR, BenchSupport.BOT).id());
            }
            AtomicIntegerArray received = new AtomicIntegerArray(n);
            CamelContext ctx = BenchSupport.camel();
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < n; i++) {
                        int k = i;
                        from("rocketchat:stream-room-messages?" + BenchSupport.login(server) + "&roomId=" + rooms.get(i)
                                + "&messageEvents=created&reconnectInitialDelay=10&reconnectMaxDelay=100")
                                .routeId("room-" + i).process(e -> received.incrementAndGet(k));
                    }
                }
            });
            ctx.start();
            List<Double> recovery = new ArrayList<>();
            boolean ok = true;
            try {
                for (int r = 0; r <= rounds; r++) {
                    int expected = r + 1;
                    server.faults().refuseConnections();
                    server.faults().dropAllConnections();
                    for (String room : rooms) {
                        server.as(BenchSupport.AUTHOR).send(room, "while away " + r);
                    }
                    int before = server.totalConnections();
                    server.faults().acceptConnections();
                    // the backoff is not measured: the clock starts when the server accepts the new socket
                    while (server.totalConnections() == before) {
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000); // poll: a spinning waiter would take one of the cores measured
                    }
                    long t0 = System.nanoTime();
                    boolean ready = BenchSupport.await(() -> BenchSupport.consumersReady(ctx));
                    double readyMs = (System.nanoTime() - t0) / 1e6;
                    boolean done = ready && awaitRecovered(ctx, received, expected);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    ok &= done;
                    System.out.printf(Locale.ROOT, "   round %d%s: every subscription ready %.0f ms and gap-filled %.0f ms after the server"
                            + " accepted%s%n", r, r == 0 ? " (warm-up)" : "", readyMs, ms, done ? "" : " NOT RECOVERED");
                    if (r > 0) {
                        recovery.add(ms);
                    }
                }
            } finally {
                ctx.close();
            }
            System.out.printf(Locale.ROOT, "   RESULT P5 recovery %.0f ms (target <= 1000 ms), rounds: %s%n", BenchSupport.median(recovery),
                    BenchSupport.rounds(recovery));
            return ok;
        }
    }

    private static boolean awaitRecovered(CamelContext ctx, AtomicIntegerArray received, int expected) {
        return BenchSupport.await(() -> {
            for (int i = 0; i < received.length(); i++) {
                if (received.get(i) < expected) {
                    return false;
                }
            }
            return BenchSupport.consumersReady(ctx);
        });
    }
}
