package io.github.camelrocketchat.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Decides where the examples run. A real server is used when {@code ROCKETCHAT_URL} is set (in the environment,
 * as a system property {@code rocketchat.url}, or as {@code rocketchat.url} in {@code application.properties});
 * otherwise the embedded test server is started. The environment wins over system properties, which win over the
 * file.
 *
 * <table>
 * <caption>Where each setting comes from</caption>
 * <tr><th>environment</th><th>property</th></tr>
 * <tr><td>ROCKETCHAT_URL</td><td>rocketchat.url</td></tr>
 * <tr><td>ROCKETCHAT_USER</td><td>rocketchat.user</td></tr>
 * <tr><td>ROCKETCHAT_PASSWORD</td><td>rocketchat.password</td></tr>
 * <tr><td>ROCKETCHAT_TOKEN</td><td>rocketchat.token</td></tr>
 * <tr><td>ROCKETCHAT_USER_ID</td><td>rocketchat.user-id</td></tr>
 * </table>
 */
public final class ExampleSettings {

    private final Function<String, String> lookup;
    private final Properties system;
    private final Properties file;

    private ExampleSettings(Function<String, String> lookup, Properties system, Properties file) {
        this.lookup = lookup;
        this.system = system;
        this.file = file;
    }

    /** From the process environment, the system properties and {@code application.properties} on the classpath. */
    public static ExampleSettings fromEnvironment() {
        return of(System.getenv(), System.getProperties(), classpathProperties("application.properties"));
    }

    /** From explicit sources (tests). */
    public static ExampleSettings of(Map<String, String> env, Properties system, Properties file) {
        return new ExampleSettings(key -> {
            String envName = "ROCKETCHAT_" + key.toUpperCase().replace('-', '_');
            String v = env.get(envName);
            if (blank(v)) {
                v = system.getProperty("rocketchat." + key);
            }
            if (blank(v)) {
                v = file.getProperty("rocketchat." + key);
            }
            return blank(v) ? null : v.trim();
        }, system, file);
    }

    /** True when a server URL is configured: the routes then run against it and nothing is embedded. */
    public boolean usesRealServer() {
        return lookup.apply("url") != null;
    }

    /** The configured real server; fails with a message naming what is missing. */
    public ServerConnection realServer() {
        String url = lookup.apply("url");
        if (url == null) {
            throw new IllegalStateException("No Rocket.Chat server configured (ROCKETCHAT_URL)");
        }
        return new ServerConnection(url, lookup.apply("user"), lookup.apply("password"), lookup.apply("token"),
                lookup.apply("user-id"));
    }

    /** An application property ({@code examples.*}): a system property wins over the file. */
    public String property(String key, String defaultValue) {
        String v = system.getProperty(key);
        if (blank(v)) {
            v = file.getProperty(key);
        }
        return blank(v) ? defaultValue : v.trim();
    }

    /**
     * The {@code examples.*} and {@code camel.*} keys given as system properties: they override application.properties
     * in Camel too (e.g. {@code -Dcamel.main.duration-max-seconds=0}).
     */
    public Map<String, String> overrides() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("examples.") || key.startsWith("camel.")) {
                out.put(key, system.getProperty(key));
            }
        }
        return out;
    }

    /** The rooms and files the routes and the demo share. */
    public DemoRooms rooms() {
        return new DemoRooms(property("examples.bot-room", "demo"), property("examples.bridge-from", "demo"),
                property("examples.bridge-to", "demo-mirror"), property("examples.alert-room", "ops"),
                Path.of(property("examples.journal-dir", "target/journal"), "messages.jsonl"));
    }

    static Properties classpathProperties(String name) {
        Properties p = new Properties();
        try (InputStream in = ExampleSettings.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " from the classpath", e);
        }
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
