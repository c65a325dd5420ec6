package io.github.camelrocketchat.examples;

/**
 * Runs the examples: {@code mvn -q -pl camel-rocketchat-examples -am compile exec:java} from the repository root.
 * Without {@code ROCKETCHAT_URL} it starts the embedded Rocket.Chat test server and a simulated human; with it, the
 * routes run against that server. Exits with 1 when something failed (see {@link ExampleApp}).
 */
public final class ExampleMain {

    private ExampleMain() {
    }

    public static void main(String[] args) throws Exception {
        // the tests jar that carries the test server also carries a log4j2-test.xml, which log4j prefers: name ours
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-examples.xml");
        }
        int code = new ExampleApp(ExampleSettings.fromEnvironment()).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
