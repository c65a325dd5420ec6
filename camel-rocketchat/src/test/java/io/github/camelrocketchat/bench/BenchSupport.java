package io.github.camelrocketchat.bench;

import io.github.camelrocketchat.RocketChatComponent;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What every benchmark shares: the server and accounts, a fresh CamelContext per measurement, medians, and one output
 * format (figure, baseline from the same run, ratio, JDK, rounds) so that docs/performance.md can quote it as printed.
 *
 * <p>Benchmarks are test-scope mains, never timed tests: {@code mvn -q -pl camel-rocketchat -Pbench verify
 * -Dbench=<Name> [-Dbench.args="..."]}. The suite runs each once at a tiny size ({@code BenchSmokeTest}).
 */
final class BenchSupport {
    static final String BOT = "bench.bot";
    static final String BOT_PASSWORD = "bench-pass";
    static final String AUTHOR = "bench.author";

    private BenchSupport() {
    }

    /** A test server without rate limits (they would measure the limiter) nor a frame recorder, with the bot and an author. */
    static RocketChatTestServer server() {
        RocketChatTestServer s = RocketChatTestServer.builder().rateLimiter(false).recordFrames(false).build().start();
        s.addUser(BOT, BOT_PASSWORD, "Bench Bot", "bot");
        s.addUser(AUTHOR, "author-pass", "Bench Author");
        return s;
    }

    static String login(RocketChatTestServer server) {
        return "serverUrl=" + server.url() + "&username=" + BOT + "&password=" + BOT_PASSWORD;
    }

    /**
     * A context whose component holds the server and the login (as the docs recommend, so that no secret is in a
     * URI): endpoints then carry only what differs per route, as in an application with many routes.
     */
    static CamelContext camel(RocketChatTestServer server) {
        CamelContext ctx = camel();
        RocketChatComponent rc = (RocketChatComponent) ctx.getComponent("rocketchat");
        rc.getConfiguration().setServerUrl(server.url());
        rc.getConfiguration().setUsername(BOT);
        rc.getConfiguration().setPassword(BOT_PASSWORD);
        return ctx;
    }

    static CamelContext camel() {
        CamelContext ctx = new DefaultCamelContext();
        // camel-management is on the test classpath; with it every route, consumer and processor gets MBeans (about
        // 150 KB per route): measured separately with -Dbench.jmx=true, as that is Camel's cost, not the component's
        if (!Boolean.getBoolean("bench.jmx")) {
            ctx.disableJMX();
        }
        ctx.addComponent("rocketchat", new RocketChatComponent());
        ctx.getShutdownStrategy().setTimeout(10);
        return ctx;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The value at {@code q} (0..1) of the sorted values (nearest rank). */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static void header(String name, String what, int rounds) {
        System.out.printf(Locale.ROOT, "%n== %s: %s%n", name, what);
        System.out.printf(Locale.ROOT, "   JDK %s (%s), %d cores, max heap %d MB, %d measured round(s) after 1 warm-up%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, rounds);
    }

    static void result(String figure, double value, String unit, String baseline, double baseValue, String ratioNote) {
        System.out.printf(Locale.ROOT, "   RESULT %-34s %12.2f %-8s baseline %-28s %12.2f %-8s ratio %.2fx %s%n",
                figure, value, unit, baseline, baseValue, unit, value / baseValue, ratioNote);
    }

    static String rounds(List<Double> values) {
        List<String> s = new ArrayList<>();
        values.forEach(v -> s.add(String.format(Locale.ROOT, "%.0f", v)));
        return String.join(" ", s);
    }

    static int intArg(String[] args, int i, int fallback) {
        return args.length > i && !args[i].isBlank() ? Integer.parseInt(args[i].trim()) : fallback;
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static long[] sortedCopy(long[] values, int n) {
        long[] c = Arrays.copyOf(values, n);
        Arrays.sort(c);
        return c;
    }

    /** The top of the live heap's class histogram (what a {@code -Dbench.histogram=true} run shows to explain a figure). */
    static void printHistogram(int lines) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            String[] all = String.valueOf(out).split("\n");
            for (int i = 0; i < Math.min(lines, all.length); i++) {
                System.out.println("   | " + all[i]);
            }
        } catch (Exception e) {
            System.out.println("   (no class histogram: " + e + ")");
        }
    }

    /** Polls {@code condition} for up to two minutes; true once it holds. Polling, not spinning: a spinning waiter
     * would take one of the two cores being measured. */
    static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        return false;
    }

    /** Every route's consumer is a Rocket.Chat consumer whose subscription is ready (as its health check reads it). */
    static boolean consumersReady(CamelContext ctx) {
        for (org.apache.camel.Route route : ctx.getRoutes()) {
            if (!(route.getConsumer() instanceof io.github.camelrocketchat.consumer.RocketChatConsumer c)
                    || !"ready".equals(c.subscriptionState())) {
                return false;
            }
        }
        return true;
    }
}
