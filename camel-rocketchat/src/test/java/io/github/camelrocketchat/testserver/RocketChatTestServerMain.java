package io.github.camelrocketchat.testserver;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the test server standalone until Ctrl-C. From the repository root:
 *
 * <pre>
 * mvn -q -pl camel-rocketchat test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.github.camelrocketchat.testserver.RocketChatTestServerMain \
 *   -Dexec.args="--seed --port 3000"
 * </pre>
 *
 * Options: {@code --port N} (default 3000, 0 = random),
 * {@code --dialect MONOLITH_8|DDP_STREAMER|MONOLITH_7|MONOLITH_7_0|LEGACY_6}, {@code --seed} (demo users and
 * rooms), {@code --no-rate-limit}, {@code --show-deleted-status}. The rate limiter runs with Rocket.Chat's
 * defaults unless disabled. Prints to the console on purpose.
 */
public final class RocketChatTestServerMain {

    private RocketChatTestServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RocketChatTestServerBuilder b = RocketChatTestServer.builder().port(3000).rateLimiter(true).recordFrames(false);
        boolean seed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, "--port")));
                case "--dialect" -> b.dialect(Dialect.valueOf(value(args, ++i, "--dialect").toUpperCase(Locale.ROOT)));
                case "--seed" -> seed = true;
                case "--no-rate-limit" -> b.rateLimiter(false);
                case "--show-deleted-status" -> b.showDeletedStatus(true);
                case "--help", "-h" -> {
                    System.out.println("options: --port N  --dialect MONOLITH_8|DDP_STREAMER|MONOLITH_7|MONOLITH_7_0"
                            + "|LEGACY_6  --seed  --no-rate-limit  --show-deleted-status");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        RocketChatTestServer server = b.seed(seed).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rocketchat-test-server-shutdown"));
        System.out.println("Rocket.Chat test server (" + server.dialect() + ", reports version "
                + server.dialect().version() + ")");
        System.out.println("  HTTP:      " + server.url());
        System.out.println("  WebSocket: " + server.webSocketUrl());
        if (seed) {
            System.out.println("Demo users (username / password):");
            for (DemoData.Credential c : DemoData.USERS) {
                System.out.println("  " + c.username() + " / " + c.password() + "   " + c.note());
            }
            System.out.println("  carol's TOTP secret (base32): " + server.totpSecret("carol"));
            System.out.println("  demo.bot personal access token: "
                    + server.createPersonalAccessToken("demo.bot", "demo") + "  (user id "
                    + server.userId("demo.bot") + ")");
            System.out.println("Rooms: general (GENERAL), demo (public), team (private), DM alice-bob");
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
