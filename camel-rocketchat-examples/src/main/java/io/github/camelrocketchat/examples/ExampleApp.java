package io.github.camelrocketchat.examples;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples application: picks the server (a real one from the settings, or the embedded test server with a
 * simulated human), starts the JMS broker of route 7 unless {@code examples.jms.broker-url} names one ({@link JmsBroker}),
 * runs camel-main with the Java routes of this package and {@code camel/*.camel.yaml}, and tells whether everything
 * worked.
 *
 * <p>Exit code: 0 when every route started, no exchange failed and (embedded) every demo check passed; 1 when an
 * exchange failed or a demo check did not pass (after a summary of what went wrong); 2 when the routes could not
 * start (server unreachable, login refused, unknown room); camel-main's own code if it ends non-zero.
 */
public final class ExampleApp {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    private final ExampleSettings settings;
    private final FailureWatch failures = new FailureWatch();
    /** The running camel-main, for {@link #stop()}. */
    private volatile Main main;
    /** The demo's thread, started after Camel started (main thread), stopped before Camel stops. */
    private volatile Thread human;

    public ExampleApp(ExampleSettings settings) {
        this.settings = settings;
    }

    /** Runs until the demo is done, the configured duration is over, or Ctrl-C; returns the exit code. */
    public int run(String... args) throws Exception {
        DemoRooms rooms = settings.rooms();
        EmbeddedRocketChat embedded = null;
        JmsBroker broker = null;
        try {
            ServerConnection connection;
            if (settings.usesRealServer()) {
                connection = settings.realServer();
                LOG.info("Running the example routes against {} (no embedded server, no simulated human)", connection);
            } else {
                embedded = EmbeddedRocketChat.start(rooms.bridgeTo(), rooms.alertRoom());
                connection = embedded.connection();
            }
            try {
                broker = JmsBroker.open(settings);
            } catch (Exception e) {
                // only the embedded broker starts here; a configured one is reached (and retried) by the routes
                LOG.error("The embedded JMS broker could not start: {}", rootMessage(e));
                return 2;
            }
            // the routes and configuration of this application, listed rather than found by a package scan
            Main main = new Main();
            main.configure().addRoutesBuilder(CommandBotRoute.class, AlertRoute.class, JournalRoute.class, PresenceRoute.class,
                    JmsBridgeRoute.class);
            main.configure().addConfiguration(HighAvailabilityConfiguration.class);
            main.bind("jmsConnectionFactory", broker.connectionFactory());
            main.addOverrideProperty("camel.component.jms.connection-factory", "#jmsConnectionFactory");
            connection.componentProperties().forEach(main::addOverrideProperty);
            settings.overrides().forEach(main::addOverrideProperty);
            main.addMainListener(new Listener(embedded, rooms));
            this.main = main;
            int code;
            try {
                code = main.run(args);
            } catch (Exception e) {
                // a route that cannot start (server unreachable, login refused, unknown room) fails the start
                LOG.error("The examples could not start: {}", rootMessage(e));
                return 2;
            }
            return verdict(code);
        } finally {
            if (broker != null) {
                broker.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Ends a run started with {@code camel.main.duration-max-seconds=0} (tests, or an embedding application): the
     * routes stop and {@link #run} returns its exit code.
     */
    public void stop() {
        Main m = main;
        if (m != null) {
            m.completed();
        }
    }

    /** Failures seen so far (tests). */
    public List<String> failures() {
        return failures.failures();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t != e) {
            sb.append(" (").append(t.getMessage()).append(')');
        }
        return sb.toString();
    }

    private int verdict(int camelCode) {
        List<String> problems = failures.failures();
        if (camelCode != 0) {
            LOG.error("Camel ended with exit code {}", camelCode);
            return camelCode;
        }
        if (!problems.isEmpty()) {
            LOG.error("Finished with {} problem(s):", problems.size());
            problems.forEach(p -> LOG.error("  - {}", p));
            return 1;
        }
        LOG.info("Finished: everything worked.");
        return 0;
    }

    private final class Listener extends MainListenerSupport {
        private final EmbeddedRocketChat embedded;
        private final DemoRooms rooms;

        Listener(EmbeddedRocketChat embedded, DemoRooms rooms) {
            this.embedded = embedded;
            this.rooms = rooms;
        }

        @Override
        public void afterConfigure(BaseMainSupport main) {
            main.getCamelContext().getManagementStrategy().addEventNotifier(failures);
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            for (Route route : context.getRoutes()) {
                ServiceStatus status = context.getRouteController().getRouteStatus(route.getRouteId());
                if (status != ServiceStatus.Started) {
                    failures.record("route " + route.getRouteId() + " is " + status);
                }
            }
            if (embedded == null) {
                return;
            }
            try {
                SimulatedHuman script = new SimulatedHuman(embedded.server(), context, rooms, failures);
                script.watchAsAlice();
                boolean stopWhenDone = main.configure().getDurationMaxSeconds() != 0;
                Thread t = new Thread(() -> {
                    script.run();
                    if (stopWhenDone && main instanceof MainSupport ms) {
                        LOG.info("The demo is over: stopping (set camel.main.duration-max-seconds=0 to keep it running)");
                        ms.completed();
                    }
                }, "demo-human");
                t.setDaemon(true);
                human = t;
                t.start();
            } catch (Exception e) {
                failures.record("the demo could not start: " + e.getMessage());
                LOG.error("The demo could not start", e);
            }
        }

        @Override
        public void beforeStop(BaseMainSupport main) {
            Thread t = human;
            if (t != null && t.isAlive()) {
                t.interrupt();
            }
        }
    }
}
