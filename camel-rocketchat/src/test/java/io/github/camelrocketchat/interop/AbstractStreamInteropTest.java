package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static io.github.camelrocketchat.interop.InteropClients.failure;
import static io.github.camelrocketchat.interop.InteropClients.list;
import static io.github.camelrocketchat.interop.InteropClients.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.DdpSubscription;
import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.TestUser;

/** Stream subscriptions and events of reference C, received by the right listener with decoded dates. */
abstract class AbstractStreamInteropTest extends InteropTestBase {

    /** Subscribes with the current params form and waits for {@code ready}. */
    static DdpSubscription stream(DdpClient c, String name, String eventName) {
        DdpSubscription s = c.subscribe(name, List.of(eventName, Map.of("useCollection", false, "args", List.of())),
                null);
        await(s.ready());
        return s;
    }

    static EventQueue listen(DdpClient c, String name, String eventName) {
        EventQueue q = new EventQueue();
        c.onStream(name, eventName, q);
        return q;
    }

    @Test
    void roomMessagesEditsAndMyMessagesFromAnotherUser() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        EventQueue room = listen(c, "stream-room-messages", "GENERAL");
        EventQueue mine = listen(c, "stream-room-messages", "__my_messages__");
        stream(c, "stream-room-messages", "GENERAL");
        stream(c, "stream-room-messages", "__my_messages__");

        String id = server().as(bob.username()).send("general", "hi alice");
        server().as(bob.username()).edit(id, "hi Alice");

        StreamEvent sent = room.nextMatching(e -> id.equals(map(e.args().get(0)).get("_id")));
        Map<String, Object> m = map(sent.args().get(0));
        assertThat(sent.collection()).isEqualTo("stream-room-messages");
        assertThat(sent.id()).isEqualTo("id");
        assertThat(m).containsEntry("msg", "hi alice").containsEntry("rid", "GENERAL");
        assertThat(m.get("ts")).isEqualTo(clock().instant());
        assertThat(map(m.get("u"))).containsEntry("username", bob.username());
        Map<String, Object> edit = map(room.next().args().get(0));
        assertThat(edit).containsEntry("_id", id).containsEntry("msg", "hi Alice");
        assertThat(edit.get("editedAt")).isInstanceOf(Instant.class);
        assertThat(map(edit.get("editedBy"))).containsEntry("username", bob.username());

        StreamEvent my = mine.nextMatching(e -> id.equals(map(e.args().get(0)).get("_id")));
        assertThat(my.args()).hasSize(2);
        assertThat(map(my.args().get(1))).containsEntry("roomParticipant", true).containsEntry("roomType", "c")
                .containsEntry("roomName", "general");
        assertThat(room.callbackThread()).doesNotContain("Grizzly").doesNotContain("Tyrus");
    }

    @Test
    void userActivityAndLegacyTypingFromAnotherClientAreBridgedAndNotEchoed() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient a = clients.loggedIn(alice);
        DdpClient b = clients.loggedIn(bob);
        String rid = server().createChannel(InteropClients.uniqueName("typing"), alice.username(), bob.username())
                .id();
        EventQueue aliceActivity = listen(a, "stream-notify-room", rid + "/user-activity");
        EventQueue aliceTyping = listen(a, "stream-notify-room", rid + "/typing");
        EventQueue bobActivity = listen(b, "stream-notify-room", rid + "/user-activity");
        for (DdpClient c : List.of(a, b)) {
            stream(c, "stream-notify-room", rid + "/user-activity");
            stream(c, "stream-notify-room", rid + "/typing");
        }

        assertThat(await(b.call("stream-notify-room", List.of(rid + "/user-activity", bob.username(),
                List.of("user-typing"), Map.of())))).isNull();
        StreamEvent activity = aliceActivity.next();
        assertThat(activity.eventName()).isEqualTo(rid + "/user-activity");
        assertThat(activity.args()).containsExactly(bob.username(), List.of("user-typing"), Map.of());
        assertThat(aliceTyping.next().args()).containsExactly(bob.username(), true);

        await(b.call("stream-notify-room", List.of(rid + "/typing", bob.username(), false)));
        assertThat(aliceTyping.next().args()).containsExactly(bob.username(), false);
        assertThat(list(aliceActivity.next().args().get(1))).isEmpty();

        // alice's write reaches bob; bob's own writes never came back to him
        await(a.call("stream-notify-room", List.of(rid + "/user-activity", alice.username(), List.of())));
        assertThat(bobActivity.next().args().get(0)).isEqualTo(alice.username());
        bobActivity.assertEmpty();
    }

    @Test
    void deletedMessages() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        EventQueue deleted = listen(c, "stream-notify-room", "GENERAL/deleteMessage");
        stream(c, "stream-notify-room", "GENERAL/deleteMessage");
        String id = server().as(bob.username()).send("general", "oops");

        server().as(bob.username()).delete(id);

        StreamEvent e = deleted.nextMatching(ev -> id.equals(map(ev.args().get(0)).get("_id")));
        assertThat(e.args()).containsExactly(Map.of("_id", id));
    }

    @Test
    void notifyUserEvents() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        EventQueue subs = listen(c, "stream-notify-user", alice.id() + "/subscriptions-changed");
        EventQueue rooms = listen(c, "stream-notify-user", alice.id() + "/rooms-changed");
        EventQueue notices = listen(c, "stream-notify-user", alice.id() + "/message");
        for (String event : List.of("subscriptions-changed", "rooms-changed", "message")) {
            stream(c, "stream-notify-user", alice.id() + "/" + event);
        }
        String rid = server().createChannel(InteropClients.uniqueName("team"), bob.username()).id();

        server().as(bob.username()).addToRoom(rid, alice.username());
        server().setReadOnly(rid, true);
        // canSendMessage fails inside sendMessage's try: swallowed, reported as a rocket.cat ephemeral (reference D)
        assertThat(await(c.call("sendMessage", List.of(Map.of("rid", rid, "msg", "read only?"))))).isNull();

        StreamEvent sub = subs.nextMatching(e -> rid.equals(map(e.args().get(1)).get("rid")));
        assertThat(sub.args().get(0)).isEqualTo("inserted");
        assertThat(map(sub.args().get(1)).get("ts")).isInstanceOf(Instant.class);
        StreamEvent room = rooms.nextMatching(e -> rid.equals(map(e.args().get(1)).get("_id")));
        assertThat(room.args().get(0)).isIn("inserted", "updated");
        Map<String, Object> notice = map(notices.next().args().get(0));
        assertThat(map(notice.get("u"))).containsEntry("username", "rocket.cat");
        assertThat(notice).containsEntry("private", true).containsEntry("rid", rid);
        assertThat(notice.get("ts")).isInstanceOf(Instant.class);
    }

    @Test
    void userStatusOnNotifyLogged() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        EventQueue status = listen(c, "stream-notify-logged", "user-status");
        stream(c, "stream-notify-logged", "user-status");

        server().as(bob.username()).setConnected(true);
        server().as(bob.username()).setStatus("away", "lunch");

        StreamEvent e = status.nextMatching(ev -> bob.id().equals(list(ev.args().get(0)).get(0))
                && Integer.valueOf(2).equals(list(ev.args().get(0)).get(2)));
        List<Object> row = list(e.args().get(0));
        assertThat(row.subList(0, 4)).containsExactly(bob.id(), bob.username(), 2, "lunch");
    }

    @Test
    void userPresenceFirstSubReadyLaterOnesNosub() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        TestUser carol = clients.newUser("carol");
        DdpClient c = clients.loggedIn(alice);
        EventQueue presence = listen(c, "stream-user-presence", null);
        DdpSubscription first = c.subscribe("stream-user-presence",
                List.of("", Map.of("added", List.of(bob.id()))), null);
        if (dialect() == Dialect.LEGACY_6) {
            DdpMethodException e = (DdpMethodException) failure(first.ready());
            assertThat(e.getErrorCode()).isEqualTo("404");
            assertThat(e.getReason()).isEqualTo("Subscription 'stream-user-presence' not found");
            return;
        }
        await(first.ready());
        DdpSubscription second = c.subscribe("stream-user-presence",
                List.of("", Map.of("added", List.of(carol.id()))), null);
        assertThat(failure(second.ready())).isNotInstanceOf(DdpMethodException.class)
                .hasMessageContaining("ended");
        assertThat(await(second.stopped())).isNull();

        server().as(bob.username()).setConnected(true);
        server().as(bob.username()).setStatus("busy", "focus");
        server().as(carol.username()).setConnected(true);

        assertThat(list(presence.next().args().get(0)).subList(0, 2)).containsExactly(bob.username(), 1);
        StreamEvent b = presence.next();
        assertThat(b.id()).isEqualTo(bob.id());
        assertThat(b.uid()).isEqualTo(bob.id());
        assertThat(b.eventName()).isEqualTo(bob.id());
        assertThat(list(b.args().get(0)).subList(0, 3)).containsExactly(bob.username(), 3, "focus");
        assertThat(presence.next().uid()).isEqualTo(carol.id());
        assertThat(first.stopped()).isNotDone();
    }

    @Test
    void deniedSubscriptionsFailWithTheServersError() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        DdpClient anonymous = clients.connected();
        String secret = server().createPrivateGroup(InteropClients.uniqueName("secret"), bob.username()).id();

        DdpMethodException otherUser = nosub(c, "stream-notify-user", bob.id() + "/message");
        DdpMethodException noAccess = nosub(c, "stream-room-messages", secret);
        DdpMethodException loggedOut = nosub(anonymous, "stream-notify-logged", "user-status");
        DdpMethodException empty = nosub(c, "stream-notify-room", "");
        DdpMethodException unknown = nosub(c, "stream-foo", "x");

        for (DdpMethodException e : List.of(otherUser, noAccess, loggedOut)) {
            assertThat(e.getError()).isEqualTo("not-allowed");
            assertThat(e.getReason()).isNull();
            assertThat(e.getServerMessage()).isEqualTo("[not-allowed]");
        }
        assertThat(empty.getError()).isEqualTo("invalid-event-name");
        assertThat(unknown.getErrorCode()).isEqualTo("404");
        assertThat(unknown.getReason()).isEqualTo("Subscription 'stream-foo' not found");
        assertThat(unknown.getMethod()).isEqualTo("stream-foo");
    }

    private static DdpMethodException nosub(DdpClient c, String name, String eventName) {
        DdpSubscription s = c.subscribe(name, List.of(eventName, Map.of("useCollection", false, "args", List.of())),
                null);
        Throwable t = failure(s.ready());
        assertThat(t).isInstanceOf(DdpMethodException.class);
        assertThat(failure(s.stopped())).isSameAs(t);
        return (DdpMethodException) t;
    }
}
