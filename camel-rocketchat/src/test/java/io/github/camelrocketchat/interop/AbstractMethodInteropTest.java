package io.github.camelrocketchat.interop;

import static io.github.camelrocketchat.interop.InteropClients.await;
import static io.github.camelrocketchat.interop.InteropClients.list;
import static io.github.camelrocketchat.interop.InteropClients.map;
import static io.github.camelrocketchat.interop.InteropClients.methodError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.testserver.Dialect;
import io.github.camelrocketchat.testserver.TestUser;

/** Message and room methods of reference D: result shapes (EJSON dates decoded) and errors, per dialect. */
abstract class AbstractMethodInteropTest extends InteropTestBase {

    /** What a method that returns {@code false} looks like: ddp-streamer omits every falsy result. */
    protected Object falseResult() {
        return dialect() == Dialect.DDP_STREAMER ? null : Boolean.FALSE;
    }

    @Test
    void sendMessageReturnsTheStoredMessageWithItsClientId() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.loggedIn(alice);
        Instant before = clock().instant();

        Map<String, Object> m = map(await(c.call("sendMessage",
                List.of(Map.of("_id", "clientId" + alice.id(), "rid", "GENERAL", "msg", "hello")))));

        assertThat(m).containsEntry("_id", "clientId" + alice.id()).containsEntry("rid", "GENERAL")
                .containsEntry("msg", "hello");
        assertThat(m.get("ts")).isInstanceOf(Instant.class).isEqualTo(before);
        assertThat(m.get("_updatedAt")).isInstanceOf(Instant.class);
        assertThat(map(m.get("u"))).containsEntry("_id", alice.id()).containsEntry("username", alice.username());
        assertThat(server().messageText("clientId" + alice.id())).isEqualTo("hello");
    }

    @Test
    void sendMessageKeysOutsideTheAllowList() {
        DdpClient c = clients.loggedIn(clients.newUser("alice"));
        Map<String, Object> msg = Map.of("rid", "GENERAL", "msg", "as bot", "alias", "Robo");

        if (dialect() == Dialect.LEGACY_6) {
            assertThat(map(await(c.call("sendMessage", List.of(msg))))).containsEntry("alias", "Robo");
        } else {
            DdpMethodException e = methodError(c.call("sendMessage", List.of(msg)));
            assertThat(e.getError()).isInstanceOf(Number.class);
            assertThat(e.getErrorCode()).isEqualTo("400");
            assertThat(e.getReason()).isEqualTo("Match failed");
            assertThat(e.getServerMessage()).isEqualTo("Match failed [400]");
        }
    }

    @Test
    void sendMessageErrorsOfTheServer() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.loggedIn(alice);
        DdpClient anonymous = clients.connected();
        String secret = server().createPrivateGroup(InteropClients.uniqueName("secret"), "rocket.cat").id();

        DdpMethodException notLoggedIn = methodError(anonymous.call("sendMessage",
                List.of(Map.of("rid", "GENERAL", "msg", "x"))));
        DdpMethodException notAllowed = methodError(c.call("sendMessage", List.of(Map.of("rid", secret, "msg", "x"))));
        Object swallowed = await(c.call("sendMessage", List.of(Map.of("rid", "GENERAL", "msg", "x".repeat(5001)))));

        assertThat(notLoggedIn.getError()).isEqualTo("error-invalid-user");
        assertThat(notLoggedIn.getDetails()).containsEntry("method", "sendMessage");
        assertThat(notAllowed.getError()).isEqualTo("error-not-allowed");
        assertThat(swallowed).as("size errors are swallowed (reported as an ephemeral message)").isNull();
    }

    @Test
    void updateMessageAndItsErrors() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        String mine = server().as(alice.username()).send("general", "typo");
        String bobs = server().as(bob.username()).send("general", "bob's");

        Object edited = await(c.call("updateMessage", List.of(Map.of("_id", mine, "rid", "GENERAL", "msg", "fixed"))));
        DdpMethodException badKey = methodError(c.call("updateMessage",
                List.of(Map.of("_id", mine, "rid", "other", "msg", "moved"))));
        DdpMethodException notMine = methodError(c.call("updateMessage",
                List.of(Map.of("_id", bobs, "rid", "GENERAL", "msg", "mine now"))));

        assertThat(edited).isNull();
        assertThat(server().messageText(mine)).isEqualTo("fixed");
        assertThat(badKey.getError()).isEqualTo("error-invalid-update-key");
        assertThat(badKey.getDetails()).containsEntry("method", "updateMessage");
        assertThat(notMine.getError()).isEqualTo("error-action-not-allowed");
        assertThat(notMine.getReason()).isEqualTo("Message editing not allowed");
        assertThat(notMine.getDetails()).containsEntry("method", "updateMessage").containsEntry("action",
                "Message_editing");
    }

    @Test
    void createRoomsAndTheirErrors() {
        TestUser alice = clients.newUser("alice");
        TestUser bob = clients.newUser("bob");
        DdpClient c = clients.loggedIn(alice);
        String name = InteropClients.uniqueName("ops");

        Map<String, Object> channel = map(await(c.call("createChannel", List.of(name, List.of(bob.username())))));
        Map<String, Object> group = map(await(c.call("createPrivateGroup",
                List.of(name + "-p", List.of(bob.username())))));
        Map<String, Object> dm = map(await(c.call("createDirectMessage", List.of(bob.username()))));
        DdpMethodException duplicate = methodError(c.call("createChannel", List.of(name, List.of())));
        DdpMethodException invalidName = methodError(c.call("createChannel", List.of("bad name!", List.of())));
        DdpMethodException unknownUser = methodError(c.call("createDirectMessage", List.of("nobody-" + alice.id())));

        assertThat(channel).containsEntry("name", name).containsEntry("t", "c").containsEntry("usersCount", 2);
        assertThat(channel.get("rid")).isEqualTo(server().roomId(name));
        assertThat(channel.get("ts")).isInstanceOf(Instant.class);
        assertThat(group).containsEntry("t", "p").containsEntry("name", name + "-p");
        assertThat(dm).containsEntry("t", "d");
        assertThat(list(dm.get("usernames"))).containsExactlyInAnyOrder(alice.username(), bob.username());
        assertThat(duplicate.getError()).isEqualTo("error-duplicate-channel-name");
        assertThat(invalidName.getError()).isEqualTo("error-invalid-room-name");
        assertThat(unknownUser.getError()).isEqualTo("error-invalid-user");
    }

    @Test
    void joinAndLeaveWithTheirErrors() {
        TestUser alice = clients.newUser("alice");
        TestUser owner = clients.newUser("owner");
        DdpClient c = clients.loggedIn(alice);
        String open = server().createChannel(InteropClients.uniqueName("open"), owner.username()).id();
        String locked = server().createChannel(InteropClients.uniqueName("locked"), owner.username()).id();
        server().setJoinCode(locked, "sesame");
        String mine = server().createChannel(InteropClients.uniqueName("mine"), alice.username(), owner.username())
                .id();

        Object joined = await(c.call("joinRoom", List.of(open)));
        DdpMethodException badCode = methodError(c.call("joinRoom", List.of(locked, "nope")));
        Object joinedWithCode = await(c.call("joinRoom", List.of(locked, "sesame")));
        DdpMethodException noRoom = methodError(c.call("joinRoom", List.of("no-such-room")));
        Object left = await(c.call("leaveRoom", List.of(open)));
        DdpMethodException notIn = methodError(c.call("leaveRoom", List.of(open)));
        DdpMethodException lastOwner = methodError(c.call("leaveRoom", List.of(mine)));

        assertThat(joined).isNull();
        assertThat(joinedWithCode).isNull();
        assertThat(left).isNull();
        assertThat(badCode.getError()).isEqualTo("error-code-invalid");
        assertThat(badCode.getReason()).isEqualTo("Invalid Room Password");
        assertThat(noRoom.getError()).isEqualTo("error-invalid-room");
        assertThat(noRoom.getDetails()).containsEntry("method", "joinRoom");
        assertThat(notIn.getError()).isEqualTo("error-user-not-in-room");
        assertThat(lastOwner.getError()).isEqualTo("error-you-are-last-owner");
    }

    @Test
    void roomLookups() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.loggedIn(alice);
        String secret = server().createPrivateGroup(InteropClients.uniqueName("secret"), "rocket.cat").name();

        Object id = await(c.call("getRoomIdByNameOrId", List.of("general")));
        Map<String, Object> room = map(await(c.call("getRoomByTypeAndName", List.of("c", "general"))));
        DdpMethodException unknownId = methodError(c.call("getRoomIdByNameOrId", List.of("no-such-room")));
        DdpMethodException unknownRoom = methodError(c.call("getRoomByTypeAndName", List.of("c", "no-such-room")));
        DdpMethodException noPermission = methodError(c.call("getRoomByTypeAndName", List.of("p", secret)));

        assertThat(id).isEqualTo("GENERAL");
        assertThat(room).containsEntry("_id", "GENERAL").containsEntry("t", "c").containsEntry("name", "general");
        assertThat(room.get("ts")).isInstanceOf(Instant.class);
        assertThat(unknownId.getError()).isEqualTo("error-not-allowed");
        assertThat(unknownRoom.getError()).isEqualTo("error-invalid-room");
        assertThat(unknownRoom.getDetails()).containsEntry("method", "getRoomByTypeAndName");
        assertThat(noPermission.getError()).isEqualTo("error-no-permission");
    }

    @Test
    void unknownMethodIs404() {
        DdpClient c = clients.connected();

        DdpMethodException e = methodError(c.call("livechat:getInitialData", List.of()));

        assertThat(e.getError()).isInstanceOf(Number.class);
        assertThat(e.getErrorCode()).isEqualTo("404");
        assertThat(e.getReason()).isEqualTo("Method 'livechat:getInitialData' not found");
        assertThat(e.getServerMessage()).isEqualTo("Method 'livechat:getInitialData' not found [404]");
        assertThat(e.getMethod()).isEqualTo("livechat:getInitialData");
    }

    @Test
    void removedMethodsExistOnlyOnLegacy() {
        TestUser alice = clients.newUser("alice");
        DdpClient c = clients.loggedIn(alice);
        String room = server().createChannel(InteropClients.uniqueName("owned"), alice.username()).id();
        String id = server().as(alice.username()).send(room, "to delete");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("_id", id);

        for (String method : List.of("setReaction", "getRoomRoles", "deleteMessage")) {
            List<Object> args = switch (method) {
                case "deleteMessage" -> List.of(params);
                case "setReaction" -> Arrays.asList(":smile:", id, true);
                default -> List.of(room);
            };
            if (dialect() == Dialect.LEGACY_6) {
                Object r = await(c.call(method, args));
                if ("getRoomRoles".equals(method)) {
                    assertThat(list(r)).isNotEmpty();
                    assertThat(map(list(r).get(0))).containsKeys("rid", "u", "roles");
                } else {
                    assertThat(r).isNull();
                }
            } else {
                assertThat(methodError(c.call(method, args)).getReason()).isEqualTo("Method '" + method + "' not found");
            }
        }
    }
}
