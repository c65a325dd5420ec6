package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Another user doing things, as if from their own client: every action runs on the server thread and emits
 * the same events as the DDP method would. Obtained from {@link RocketChatTestServer#as(String)}.
 * Failures (no access, unknown message) throw {@link IllegalStateException} naming the Rocket.Chat error.
 */
public final class ActingUser {

    private final ServerCore core;
    private final String username;

    ActingUser(ServerCore core, String username) {
        this.core = core;
        this.username = username;
    }

    /** Sends a message to a room (id or name); returns the message id. */
    public String send(String room, String text) {
        return doSend(room, m -> m.put("msg", text));
    }

    /** Sends with a client-chosen message id. */
    public String send(String room, String messageId, String text) {
        return doSend(room, m -> m.put("_id", messageId).put("msg", text));
    }

    /** Replies in a thread; {@code alsoInChannel} sets {@code tshow}. */
    public String replyInThread(String room, String threadMessageId, String text, boolean alsoInChannel) {
        return doSend(room, m -> {
            m.put("msg", text).put("tmid", threadMessageId);
            if (alsoInChannel) {
                m.put("tshow", true);
            }
            return m;
        });
    }

    /**
     * Posts {@code n} messages {@code <prefix>1} .. {@code <prefix>n} to a room in one server-thread task (no
     * rate limit, nothing of other clients runs in between), for load tests. Each gets its own {@code ts} (equal
     * to its {@code _updatedAt}), one millisecond apart in posting order, starting at the server clock or just
     * after the newest {@code _updatedAt} in the room when that is later: under a stopped {@link TestClock} the
     * batch runs up to {@code n} ms ahead of it. Every message emits the usual stream events.
     *
     * @return the message ids in posting order
     */
    public List<String> sendMany(String room, int n, String prefix) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return run(u -> {
            RoomRecord r = room(room);
            long afterNewest = core.store.messagesOf(r.id).stream().mapToLong(m -> m.updatedAt + 1).max()
                    .orElse(Long.MIN_VALUE);
            long at = Math.max(core.now(), afterNewest);
            MessageSender sender = new MessageSender(core);
            List<String> ids = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                ObjectNode m = Json.obj();
                m.put("rid", r.id);
                m.put("msg", prefix + i);
                ids.add(sender.send(u, m, at++).id);
            }
            return ids;
        });
    }

    private String doSend(String room, Function<ObjectNode, ObjectNode> fill) {
        return run(u -> {
            ObjectNode m = Json.obj();
            m.put("rid", room(room).id);
            fill.apply(m);
            return new MessageSender(core).send(u, m).id;
        });
    }

    public void edit(String messageId, String newText) {
        run(u -> {
            MessageRecord m = message(messageId);
            core.chat.edit(core.store.rooms.get(m.rid), m, newText, u);
            return null;
        });
    }

    public void delete(String messageId) {
        run(u -> {
            MessageRecord m = message(messageId);
            core.chat.delete(core.store.rooms.get(m.rid), m, u);
            return null;
        });
    }

    /** Adds (or with {@code false} removes) a reaction such as {@code :thumbsup:}. */
    public void react(String messageId, String emoji, boolean add) {
        run(u -> {
            MessageRecord m = message(messageId);
            core.chat.react(core.store.rooms.get(m.rid), m, u, emoji, add);
            return null;
        });
    }

    /** Starts or stops typing ({@code user-activity} and the legacy {@code typing} event). */
    public void typing(String room, boolean typing) {
        ArrayNode activities = typing ? Json.arr(java.util.List.of("user-typing")) : Json.arr();
        run(u -> {
            core.events.activity(room(room).id, u.username, activities, null, null);
            return null;
        });
    }

    /** Any user activity list ({@code user-recording}, {@code user-uploading}...), with optional extras. */
    public void activity(String room, ObjectNode extras, String... activities) {
        run(u -> {
            core.events.activity(room(room).id, u.username, Json.arr(java.util.List.of(activities)), extras, null);
            return null;
        });
    }

    /** Sets the chosen status (online, away, busy, offline) and status text. */
    public void setStatus(String status, String statusText) {
        run(u -> {
            core.chat.setStatus(u, status, statusText, null);
            return null;
        });
    }

    /** Simulates the user's own client connecting ({@code true}) or going away entirely ({@code false}). */
    public void setConnected(boolean connected) {
        run(u -> {
            String before = u.effectiveStatus();
            u.connectionStatus = connected ? "online" : "offline";
            if (!before.equals(u.effectiveStatus())) {
                core.events.status(u);
            }
            return null;
        });
    }

    public void join(String room) {
        run(u -> core.rooms.addMember(room(room), u, null, true));
    }

    public void leave(String room) {
        run(u -> {
            core.rooms.removeMember(room(room), u, null);
            return null;
        });
    }

    /** Adds another user to a room ({@code au}). */
    public void addToRoom(String room, String otherUsername) {
        run(u -> core.rooms.addMember(room(room), other(otherUsername), u, true));
    }

    /** Removes another user from a room ({@code ru}). */
    public void removeFromRoom(String room, String otherUsername) {
        run(u -> {
            core.rooms.removeMember(room(room), other(otherUsername), u);
            return null;
        });
    }

    /** Renames a room ({@code r}). */
    public void renameRoom(String room, String newName) {
        run(u -> {
            core.rooms.rename(room(room), newName, u);
            return null;
        });
    }

    /** Changes the display name ({@code Users:NameChanged} on notify-logged). */
    public void changeName(String newName) {
        run(u -> {
            u.name = newName;
            u.updatedAt = core.now();
            ObjectNode o = Json.obj();
            o.put("_id", u.id);
            o.put("name", newName);
            o.put("username", u.username);
            core.events.notifyLogged("Users:NameChanged", Json.arrOf(o));
            ObjectNode fields = Json.obj();
            fields.put("name", newName);
            fields.set("_updatedAt", Json.date(u.updatedAt));
            core.publications.userChanged(u, fields);
            return null;
        });
    }

    private RoomRecord room(String idOrName) throws MeteorError {
        return core.store.roomByIdOrName(idOrName)
                .orElseThrow(() -> MeteorError.of("error-invalid-room", "no room " + idOrName));
    }

    private UserRecord other(String name) throws MeteorError {
        return core.store.userByName(name).orElseThrow(() -> MeteorError.of("error-invalid-user", "no user " + name));
    }

    private MessageRecord message(String id) throws MeteorError {
        MessageRecord m = core.store.messages.get(id);
        if (m == null) {
            throw MeteorError.of("error-message-not-found", "no message " + id);
        }
        return m;
    }

    private <T> T run(Action<T> action) {
        return core.loop.call(() -> {
            UserRecord u = core.store.userByName(username)
                    .orElseThrow(() -> new IllegalStateException("no user " + username));
            try {
                return action.apply(u);
            } catch (MeteorError e) {
                throw new IllegalStateException(username + ": " + e.getMessage());
            }
        });
    }

    @FunctionalInterface
    private interface Action<T> {
        T apply(UserRecord u) throws MeteorError;
    }
}
