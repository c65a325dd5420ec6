package io.github.camelrocketchat.testserver;

import java.util.List;

/**
 * Demo users and rooms for the standalone server and for quick experiments: {@code alice} (admin),
 * {@code bob}, {@code carol} (TOTP 2FA) and the bot {@code demo.bot}, a public channel {@code demo}, a private
 * group {@code team}, a DM alice-bob and a few messages. The passwords are demo values printed by the main.
 */
public final class DemoData {

    /** Demo credentials: username and password. */
    public record Credential(String username, String password, String note) {
        @Override
        public String toString() {
            return username + " (" + note + ")";
        }
    }

    public static final List<Credential> USERS = List.of(
            new Credential("alice", "alice-pass", "admin"),
            new Credential("bob", "bob-pass", "user"),
            new Credential("carol", "carol-pass", "user with TOTP 2FA"),
            new Credential("demo.bot", "bot-pass", "bot"));

    private DemoData() {
    }

    static void seed(RocketChatTestServer s) {
        s.addUser("alice", "alice-pass", "Alice", "user", "admin");
        s.addUser("bob", "bob-pass", "Bob");
        s.addUserWithTotp("carol", "carol-pass");
        s.addUser("demo.bot", "bot-pass", "Demo Bot", "bot");
        s.createChannel("demo", "alice", "bob", "carol", "demo.bot");
        s.createPrivateGroup("team", "alice", "bob");
        s.createDirectRoom("alice", "bob");
        s.as("alice").send("general", "Welcome to the Rocket.Chat test server");
        String q = s.as("bob").send("demo", "Does anyone know how threads work?");
        s.as("alice").replyInThread("demo", q, "Reply with tmid set to the parent id", false);
    }
}
