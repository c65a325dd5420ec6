package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Rocket.Chat test server the examples run on when no real server is configured: the demo users of the test
 * server (alice, bob, carol and the bot {@code demo.bot}), the rooms {@code demo} and {@code team}, and three rooms
 * for the examples: {@code demo-mirror} (the bridge's target), {@code ops} (alerts).
 */
public final class EmbeddedRocketChat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    /** The bot account the routes log in with. */
    public static final String BOT = "demo.bot";
    static final String BOT_PASSWORD = "bot-pass";

    private final RocketChatTestServer server;

    private EmbeddedRocketChat(RocketChatTestServer server) {
        this.server = server;
    }

    /**
     * Starts the server on a random 127.0.0.1 port and seeds it.
     *
     * @param bridgeTarget the room the bridge mirrors into (created)
     * @param alertRoom    the room alerts go to (created)
     */
    public static EmbeddedRocketChat start(String bridgeTarget, String alertRoom) {
        // showDeletedStatus: deletions become t:"rm" updates, so __my_messages__ (the journal) sees them too;
        // the room bridge handles both kinds of server
        RocketChatTestServer server = RocketChatTestServer.builder().seed(true).showDeletedStatus(true).build().start();
        try {
            addExampleRooms(server, bridgeTarget, alertRoom);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("Embedded Rocket.Chat test server on {} (users alice, bob, carol; bot {}; rooms #demo, #{}, #{})",
                server.url(), BOT, bridgeTarget, alertRoom);
        return new EmbeddedRocketChat(server);
    }

    /**
     * Adds the rooms of the examples to a server seeded with the demo data: the bridge's target and the alert room,
     * alice and bob and the bot as members.
     */
    public static void addExampleRooms(RocketChatTestServer server, String bridgeTarget, String alertRoom) {
        server.createChannel(bridgeTarget, "alice", "bob", BOT);
        // to follow deletions the bridge deletes its own mirrors: Rocket.Chat lets the roles user and admin delete
        // their own messages, and owners and moderators any message; a bot account has neither, so it moderates
        server.setRoomRole(bridgeTarget, BOT, "moderator");
        server.createChannel(alertRoom, "alice", "bob", BOT);
    }

    /** How the routes connect: as the bot, with its password. */
    public ServerConnection connection() {
        return new ServerConnection(server.url(), BOT, BOT_PASSWORD, null, null);
    }

    public RocketChatTestServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
