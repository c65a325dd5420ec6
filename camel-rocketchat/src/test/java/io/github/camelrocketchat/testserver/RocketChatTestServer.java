package io.github.camelrocketchat.testserver;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Rocket.Chat server for tests: DDP over a real WebSocket at {@code /websocket} and the REST
 * endpoints at {@code /api/...} on one 127.0.0.1 port, with data setup and test controls (act as another
 * user, drop or silence connections, refuse connections, restart, record frames, inject faults, counts).
 *
 * <pre>{@code
 * try (RocketChatTestServer server = RocketChatTestServer.builder().build().start()) {
 *     TestUser alice = server.addUser("alice", "secret");
 *     server.as("alice").send("general", "hello");
 * }
 * }</pre>
 *
 * All state lives on one server thread; the methods here may be called from any thread and wait for it.
 */
public final class RocketChatTestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RocketChatTestServer.class);

    /** The id and name of the default channel every user joins. */
    public static final String GENERAL = "GENERAL";

    private final ServerLoop loop;
    private final ServerCore core;
    private final JettyHost jetty;
    private final int requestedPort;
    /** Guarded by {@code this}: whether Jetty is listening. */
    private boolean started;

    RocketChatTestServer(RocketChatTestServerBuilder b) {
        this.loop = new ServerLoop("rocketchat-test-server");
        this.core = new ServerCore(b, loop);
        this.jetty = new JettyHost(core);
        this.requestedPort = b.port;
        loop.run(() -> {
            UserRecord cat = core.accounts.createUser("rocket.cat", null, "Rocket.Cat", "bot");
            RoomRecord general = new RoomRecord(GENERAL, "c", "general", null, null, core.now());
            general.isDefault = true;
            core.store.rooms.put(GENERAL, general);
            core.rooms.addMember(general, cat, null, false);
        });
        if (b.seed) {
            DemoData.seed(this);
        }
    }

    public static RocketChatTestServerBuilder builder() {
        return new RocketChatTestServerBuilder();
    }

    /** Binds the port (random unless one was configured) and starts serving. */
    public synchronized RocketChatTestServer start() {
        if (!started) {
            try {
                jetty.start(requestedPort);
            } catch (Exception e) {
                throw new IllegalStateException("test server could not start on 127.0.0.1:" + requestedPort, e);
            }
            started = true;
            LOG.info("Rocket.Chat test server ({}) listening on {}", core.dialect, url());
        }
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + jetty.port();
    }

    /** {@code ws://127.0.0.1:<port>/websocket}. */
    public String webSocketUrl() {
        return "ws://127.0.0.1:" + jetty.port() + "/websocket";
    }

    public int port() {
        return jetty.port();
    }

    public Dialect dialect() {
        return core.dialect;
    }

    public Clock clock() {
        return core.clock;
    }

    // ---- data setup -------------------------------------------------------------------------------

    /** A user with role {@code user}, member of {@code general}. */
    public TestUser addUser(String username, String password) {
        return addUser(username, password, username, "user");
    }

    /** A user with a display name and global roles (e.g. {@code "admin"}, {@code "bot"}). */
    public TestUser addUser(String username, String password, String displayName, String... roles) {
        return loop.call(() -> {
            UserRecord u = core.accounts.createUser(username, password, displayName, roles);
            core.rooms.addMember(core.store.rooms.get(GENERAL), u, null, false);
            return new TestUser(this, u.id, u.username, u.name);
        });
    }

    /** A user with TOTP 2FA on; its password logins answer {@code totp-required} until the code is given. */
    public TestUser addUserWithTotp(String username, String password) {
        TestUser t = addUser(username, password);
        loop.run(() -> core.store.users.get(t.id()).totpSecret = core.ids.bytes(20));
        return t;
    }

    /** The base32 TOTP secret (what an authenticator app is given). */
    public String totpSecret(String username) {
        return loop.call(() -> Totp.base32(user(username).totpSecret));
    }

    String totpCode(String username) {
        return loop.call(() -> {
            UserRecord u = user(username);
            if (u.totpSecret == null) {
                throw new IllegalStateException(username + " has no TOTP 2FA");
            }
            return Totp.code(u.totpSecret, core.now());
        });
    }

    public String createLoginToken(String username) {
        return loop.call(() -> core.accounts.newLoginToken(user(username)));
    }

    public String createPersonalAccessToken(String username, String tokenName) {
        return loop.call(() -> core.accounts.newPersonalAccessToken(user(username), tokenName));
    }

    /**
     * A benchmark control: stores {@code count} messages by {@code username} in {@code room} now and renders their
     * {@code stream-room-messages} frames, for {@link Firehose#fire} to write in batches later.
     */
    public Firehose firehose(String room, String username, int count, int textLength) {
        return loop.call(() -> Firehose.prepare(core, room(room), user(username), count, textLength));
    }

    /** The id of a room given its id or name. */
    public String roomId(String idOrName) {
        return loop.call(() -> room(idOrName).id);
    }

    /** The id of a user. */
    public String userId(String username) {
        return loop.call(() -> user(username).id);
    }

    /** Gives a user an e-mail address (password logins may then name the user by it, reference B.1). */
    public void setEmail(String username, String email, boolean verified) {
        loop.run(() -> {
            UserRecord u = user(username);
            u.email = email;
            u.emailVerified = verified;
        });
    }

    /**
     * Turns on two-factor authentication by e-mail for the user (Rocket.Chat's default for users with a verified
     * address when {@code Accounts_TwoFactorAuthentication_By_Email_Auto_Opt_In} is on). Like Rocket.Chat it applies
     * only while the user has a verified e-mail address ({@link #setEmail}) and no TOTP: password logins then answer
     * {@code totp-required} with method {@code email} and "mail" a code ({@link #emailCode}).
     */
    public void enableEmailTwoFactor(String username) {
        loop.run(() -> user(username).email2fa = true);
    }

    /** The last code the server "mailed" to the user for e-mail 2FA, or null. */
    public String emailCode(String username) {
        return loop.call(() -> user(username).emailCode);
    }

    public void deactivateUser(String username) {
        loop.run(() -> user(username).active = false);
    }

    public TestRoom createChannel(String name, String owner, String... members) {
        return createRoom("c", name, owner, members);
    }

    public TestRoom createPrivateGroup(String name, String owner, String... members) {
        return createRoom("p", name, owner, members);
    }

    private TestRoom createRoom(String type, String name, String owner, String... members) {
        return loop.call(() -> {
            RoomRecord r = core.rooms.create(type, name, user(owner), List.of(members), false);
            return new TestRoom(r.id, r.name, r.t);
        });
    }

    public TestRoom createDirectRoom(String username, String otherUsername) {
        return loop.call(() -> {
            RoomRecord r = core.rooms.direct(List.of(user(username), user(otherUsername)));
            return new TestRoom(r.id, null, "d");
        });
    }

    /** Adds a member silently (no system message), as data setup. */
    public void addMember(String room, String username) {
        loop.run(() -> core.rooms.addMember(room(room), user(username), null, false));
    }

    /** Gives a room role ({@code owner}, {@code moderator}, {@code leader}) to a member. */
    public void setRoomRole(String room, String username, String role) {
        loop.run(() -> core.store.membership(room(room).id, user(username).id)
                .orElseThrow(() -> new IllegalArgumentException(username + " is not in " + room)).roles.add(role));
    }

    /** Replaces the roles that hold a permission (e.g. {@code setPermission("create-c", "admin")}). */
    public void setPermission(String permission, String... roles) {
        loop.run(() -> core.store.permissions.grant(permission, roles));
    }

    public void setReadOnly(String room, boolean readOnly) {
        loop.run(() -> room(room).readOnly = readOnly);
    }

    public void setJoinCode(String room, String joinCode) {
        loop.run(() -> room(room).joinCode = joinCode);
    }

    /** Turns "show deleted status" on or off at runtime. */
    public void setShowDeletedStatus(boolean on) {
        loop.run(() -> core.settings.showDeletedStatus = on);
    }

    public void setRateLimiterEnabled(boolean enabled) {
        core.limiter.setEnabled(enabled);
    }

    /** Turns the REST API's rate limiter on or off at runtime (see the builder's {@code restRateLimiter}). */
    public void setRestRateLimiterEnabled(boolean enabled) {
        core.restLimiter.setEnabled(enabled);
    }

    /** The current text of a stored message, or null when it does not exist (hard deleted). */
    public String messageText(String messageId) {
        return loop.call(() -> {
            MessageRecord m = core.store.messages.get(messageId);
            return m == null ? null : m.msg;
        });
    }

    /**
     * The texts of a room's stored user messages (no system messages), in the order the server stored them: what a
     * test compares with what a client sent, to see that nothing was lost, repeated or reordered.
     */
    public List<String> messageTexts(String room) {
        return loop.call(() -> core.store.messagesOf(room(room).id).stream().filter(m -> m.t == null).map(m -> m.msg).toList());
    }

    /** Number of stored messages in a room (system messages included). */
    public int messageCount(String room) {
        return loop.call(() -> core.store.messagesOf(room(room).id).size());
    }

    // ---- test controls ----------------------------------------------------------------------------

    /** Acts as another user. */
    public ActingUser as(String username) {
        return new ActingUser(core, username);
    }

    /** Emits an event on {@code stream-notify-logged} ({@code roles-change}, {@code updateAvatar}, ...). */
    public void emitNotifyLogged(String eventName, ArrayNode args) {
        loop.run(() -> core.events.notifyLogged(eventName, args));
    }

    /** Emits an event on {@code stream-notify-all} ({@code public-settings-changed}, ...). */
    public void emitNotifyAll(String eventName, ArrayNode args) {
        loop.run(() -> core.events.notifyAll(eventName, args));
    }

    /**
     * An admin logs the user out everywhere: every resume token is destroyed (personal access tokens stay) and
     * {@code <uid>/force_logout} is emitted with no args; connections stay open but their tokens are gone.
     */
    public void forceLogout(String username) {
        loop.run(() -> {
            UserRecord u = user(username);
            u.tokens.removeIf(t -> !t.personal());
            core.events.notifyUser(u.id, "force_logout", Json.arr());
        });
    }

    /**
     * Ages every resume token of the user past {@code Accounts_LoginExpiration} (90 days), as if the user had
     * last logged in that long ago: the next DDP {@code login} with {@code {"resume": token}} fails with 403
     * {@code Your session has expired. Please log in again.}, REST calls with those tokens get 401, and a
     * password login still works (and mints a fresh token). Personal access tokens never expire and are left
     * alone. Connections logged in with the tokens stay open and logged in: the server's periodic job that
     * deletes expired tokens (and so closes their sockets) is not emulated, so drop or close the connections
     * to make a client resume. Moving a {@link TestClock} 90 days ahead expires all tokens of all users instead.
     */
    public void expireLoginTokens(String username) {
        loop.run(() -> {
            UserRecord u = user(username);
            long expired = core.now() - core.settings.loginExpirationMillis();
            u.tokens.replaceAll(t -> t.personal() || t.when() <= expired ? t
                    : new UserRecord.LoginToken(t.hashedToken(), expired, t.type(), t.name()));
        });
    }

    /** Emits {@code <rid>/deleteMessageBulk} as a prune would. */
    public void emitDeleteMessageBulk(String room, List<String> messageIds) {
        loop.run(() -> {
            RoomRecord r = room(room);
            var query = Json.obj();
            query.put("rid", r.id);
            query.put("excludePinned", false);
            query.put("ignoreDiscussion", true);
            query.set("ids", Json.arr(messageIds));
            messageIds.forEach(id -> core.store.messages.remove(id));
            core.events.deleteMessageBulk(r.id, query);
        });
    }

    public FaultControls faults() {
        return new FaultControls(core, jetty, this);
    }

    public FrameRecorder frames() {
        return core.recorder;
    }

    /** Open DDP connections now. */
    public int connectionCount() {
        return loop.call(core.connections::size);
    }

    /** Connections accepted since the server was built (restarts included). */
    public int totalConnections() {
        return loop.call(() -> core.totalConnections);
    }

    /** Server ids of the open connections, in connect order ({@code c1}, ...). */
    public List<String> connectionIds() {
        return loop.call(() -> core.connections.stream().map(c -> c.id).toList());
    }

    /** Active subscriptions to a publication, over all connections. */
    public int subscriptionCount(String name) {
        return loop.call(() -> core.hub.count(name));
    }

    public int subscriptionCount(String name, String eventName) {
        return loop.call(() -> core.hub.count(name, eventName));
    }

    /** Logged-in user id of every open connection (null when not logged in). */
    public List<String> loggedInUserIds() {
        return loop.call(() -> core.connections.stream().map(c -> c.userId).toList());
    }

    /** Runs one heartbeat check on every connection now (idle ones get a ping). */
    public void heartbeatNow() {
        loop.run(() -> List.copyOf(core.connections).forEach(core.heartbeat::checkNow));
    }

    /** Stops Jetty (every client sees its socket close) and starts it again on the same port; data is kept. */
    public synchronized void restart() {
        try {
            jetty.stop();
            loop.run(() -> List.copyOf(core.connections).forEach(core.protocol::onClose));
            jetty.start(jetty.port());
        } catch (Exception e) {
            throw new IllegalStateException("test server restart failed", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping Jetty failed", e);
        }
        loop.close();
        started = false;
    }

    UserRecord user(String username) {
        return core.store.userByName(username).orElseThrow(() -> new IllegalArgumentException("no user " + username));
    }

    RoomRecord room(String idOrName) {
        return core.store.roomByIdOrName(idOrName)
                .orElseThrow(() -> new IllegalArgumentException("no room " + idOrName));
    }

    ServerCore core() {
        return core;
    }
}
