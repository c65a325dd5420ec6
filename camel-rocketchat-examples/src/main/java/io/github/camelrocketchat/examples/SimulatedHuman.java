package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.RocketChatConstants;
import io.github.camelrocketchat.examples.SeenMessages.Seen;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people of the demo: bob, alice and carol chat, edit, delete, type, reply in a thread and change status on the
 * embedded server (through its {@code as(user)} controls), and after each action the demo waits until the effect
 * of the example routes is visible, as alice sees it through her own connection. Every check that does not pass in
 * time is recorded in the {@link FailureWatch} (and the application exits with 1).
 */
public final class SimulatedHuman implements Runnable {

    private static final Logger HUMAN = LoggerFactory.getLogger("human");
    private static final Logger DEMO = LoggerFactory.getLogger("demo");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BOT = EmbeddedRocketChat.BOT;

    private final RocketChatTestServer server;
    private final CamelContext context;
    private final DemoRooms rooms;
    private final FailureWatch failures;
    private final SeenMessages seen = new SeenMessages();
    private int passed;

    public SimulatedHuman(RocketChatTestServer server, CamelContext context, DemoRooms rooms, FailureWatch failures) {
        this.server = server;
        this.context = context;
        this.rooms = rooms;
        this.failures = failures;
    }

    /** Alice's own connection: every message event of her rooms, into {@link SeenMessages}. */
    public void watchAsAlice() throws Exception {
        RouteBuilder.addRoutes(context, rb -> rb
                .from("rocketchat:stream-room-messages?roomId=__my_messages__&username=alice&password=alice-pass"
                        + "&skipOwnMessages=false")
                .routeId("demo-observer")
                .process(e -> seen.add(e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT, String.class),
                        e.getMessage().getHeader(RocketChatConstants.ROOM_NAME, String.class),
                        e.getMessage().getBody(ChatMessage.class))));
    }

    /** The number of checks that passed. */
    public int passed() {
        return passed;
    }

    @Override
    public void run() {
        try {
            play();
            int failed = failures.failures().size();
            if (failed == 0) {
                DEMO.info("All {} checks passed: every route did its part.", passed);
            } else {
                DEMO.error("{} checks passed, {} problems: {}", passed, failed, failures.failures());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            DEMO.warn("The demo was stopped before it finished ({} checks passed)", passed);
            failures.record("the demo was stopped before it finished");
        } catch (RuntimeException e) {
            DEMO.error("The demo failed", e);
            failures.record("the demo failed: " + e);
        }
    }

    private void play() throws InterruptedException {
        String demo = rooms.botRoom();
        DEMO.info("---- route 6: the journal's consumer waits to be elected leader ({}) ----",
                context.hasService(ZooKeeperClusterService.class) != null ? "ZooKeeper" : "file lock");
        check("the journal route was elected and subscribed to __my_messages__",
                () -> server.subscriptionCount("stream-room-messages", "__my_messages__") >= 2);

        DEMO.info("---- route 1: the command bot ----");
        act("bob", "writes in #" + demo + ": !help");
        server.as("bob").send(demo, "!help");
        expect("the bot explained its commands", s -> byBot(s, demo) && s.message().text().contains("!echo"));

        act("bob", "writes in #" + demo + ": !echo hello, Camel");
        server.as("bob").send(demo, "!echo hello, Camel");
        expect("the bot echoed the text", s -> byBot(s, demo) && s.message().text().equals("hello, Camel"));

        act("bob", "writes in #" + demo + ": Who is on call tonight?");
        String question = server.as("bob").send(demo, "Who is on call tonight?");
        act("alice", "replies in that thread: !time");
        server.as("alice").replyInThread(demo, question, "!time", false);
        expect("the bot told the time in the thread", s -> byBot(s, demo) && question.equals(s.message().threadId())
                && s.message().text().startsWith("It is"));

        DEMO.info("---- route 5: typing and presence ----");
        PresenceBoard board = context.getRegistry().lookupByNameAndType("presenceBoard", PresenceBoard.class);
        act("carol", "starts typing in #" + demo);
        server.as("carol").typing(demo, true);
        check("carol is logged as typing", () -> board.isTyping("carol", demo));
        act("carol", "stops typing");
        server.as("carol").typing(demo, false);
        check("carol is logged as no longer typing", () -> !board.isTyping("carol", demo));
        act("bob", "opens his Rocket.Chat app");
        server.as("bob").setConnected(true);
        check("bob is logged as online", () -> "online".equals(board.statusOf("bob")));
        act("bob", "sets his status to away (\"lunch\")");
        server.as("bob").setStatus("away", "lunch");
        check("bob is logged as away", () -> "away".equals(board.statusOf("bob")));

        DEMO.info("---- route 2: the room bridge #{} -> #{} (and route 4: the journal) ----", rooms.bridgeFrom(), rooms.bridgeTo());
        act("bob", "writes in #" + rooms.bridgeFrom() + ": The deploy starts at 5 pm");
        String original = server.as("bob").send(rooms.bridgeFrom(), "The deploy starts at 5 pm");
        Optional<Seen> mirror = expect("the message was mirrored into #" + rooms.bridgeTo(),
                s -> byBot(s, rooms.bridgeTo()) && "created".equals(s.event()) && s.message().text().endsWith("5 pm"));
        act("bob", "edits it: The deploy starts at 6 pm");
        server.as("bob").edit(original, "The deploy starts at 6 pm");
        if (mirror.isPresent()) {
            String mirrorId = mirror.get().message().id();
            expect("the mirror was edited", s -> mirrorId.equals(s.message().id()) && "edited".equals(s.event())
                    && s.message().text().endsWith("6 pm"));
            act("bob", "deletes it");
            server.as("bob").delete(original);
            expect("the mirror was deleted", s -> mirrorId.equals(s.message().id()) && "deleted".equals(s.event()));
        } else {
            server.as("bob").delete(original);
        }
        check("the journal has a created, an edited and a deleted line for bob's message",
                () -> journalHas(original, "created") && journalHas(original, "edited") && journalHas(original, "deleted"));

        DEMO.info("---- route 3: alerting ----");
        expect("an alert with an attachment was posted to #" + rooms.alertRoom(),
                s -> byBot(s, rooms.alertRoom()) && s.message().attachments() != null
                        && !s.message().attachments().isEmpty());

        new JmsBridgeDemo(server, context).play(this, WAIT);
    }

    static boolean byBot(Seen s, String room) {
        return BOT.equals(s.author()) && room.equals(s.roomName()) && s.message().text() != null;
    }

    private boolean journalHas(String messageId, String event) {
        try {
            if (!Files.exists(rooms.journalFile())) {
                return false;
            }
            List<String> lines = Files.readAllLines(rooms.journalFile());
            return lines.stream().anyMatch(l -> l.contains("\"event\":\"" + event + "\"") && l.contains("\"messageId\":\"" + messageId + "\""));
        } catch (IOException e) {
            return false;
        }
    }

    static void act(String who, String what) {
        HUMAN.info("{} {}", who, what);
    }

    Optional<Seen> expect(String what, Predicate<Seen> match) throws InterruptedException {
        Optional<Seen> s = seen.await(match, WAIT);
        verdict(what, s.isPresent());
        return s;
    }

    /** Polls a condition that no event announces (a file, the presence board) every 100 ms, up to the wait. */
    private void check(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean ok = condition.getAsBoolean();
        while (!ok && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            ok = condition.getAsBoolean();
        }
        verdict(what, ok);
    }

    void verdict(String what, boolean ok) {
        if (ok) {
            passed++;
            DEMO.info("  OK  {}", what);
        } else {
            DEMO.error("FAILED {} (nothing within {} s)", what, WAIT.toSeconds());
            failures.record("demo check failed: " + what);
        }
    }
}
