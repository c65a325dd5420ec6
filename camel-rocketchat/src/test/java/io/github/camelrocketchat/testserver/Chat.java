package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Message operations shared by DDP methods, REST and the test controls: store, edit, delete, react, plus
 * access checks, ephemeral notices and presence. Each change emits the events Rocket.Chat's listeners
 * would. Server thread only.
 */
final class Chat {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\w.\\-]+)");

    private final ServerCore core;

    Chat(ServerCore core) {
        this.core = core;
    }

    boolean canAccess(UserRecord user, RoomRecord room) {
        if (user == null) {
            return false;
        }
        if (core.store.membership(room.id, user.id).isPresent()) {
            return true;
        }
        return "c".equals(room.t) && core.store.permissions.has(user, null, "preview-c-room");
    }

    /**
     * Stores a new message from {@code author} (already validated) and emits the events. A thread reply
     * updates its root ({@code tcount}, {@code tlm}, {@code replies}) and re-emits it.
     */
    MessageRecord store(RoomRecord room, MessageRecord m) {
        UserRecord author = core.user(m.uid);
        if (m.t == null) {
            resolveMentions(m);
        }
        core.store.messages.put(m.id, m);
        room.msgs++;
        room.lm = m.ts;
        room.lastMessage = m;
        room.updatedAt = m.updatedAt;
        core.events.message(room, m);
        if (m.tmid != null) {
            MessageRecord parent = core.store.messages.get(m.tmid);
            if (parent != null) {
                parent.tcount++;
                parent.tlm = m.ts;
                parent.replies.add(m.uid);
                parent.updatedAt = core.now();
                core.events.message(room, parent);
            }
        }
        for (MembershipRecord sub : core.store.membersOf(room.id)) {
            if (sub.uid.equals(m.uid) || m.t != null) {
                continue;
            }
            sub.unread++;
            sub.alert = true;
            sub.updatedAt = core.now();
            boolean mentioned = m.mentions.stream().anyMatch(x -> x.id().equals(sub.uid));
            if (mentioned) {
                sub.userMentions++;
            }
            core.events.subscriptionChanged(sub, "updated");
            if (room.direct() || mentioned) {
                notification(sub.uid, room, m, author);
            }
        }
        core.events.roomChanged(room, "updated");
        return m;
    }

    private void resolveMentions(MessageRecord m) {
        Matcher mt = MENTION.matcher(m.msg);
        while (mt.find()) {
            core.store.userByName(mt.group(1)).ifPresent(
                    u -> m.mentions.add(new MessageRecord.Mention(u.id, u.username, u.name)));
        }
    }

    private void notification(String uid, RoomRecord room, MessageRecord m, UserRecord sender) {
        ObjectNode n = Json.obj();
        String senderName = sender == null ? m.username : sender.username;
        n.put("title", room.direct() ? senderName : "#" + room.name);
        n.put("text", room.direct() ? m.msg : senderName + ": " + m.msg);
        ObjectNode p = n.putObject("payload");
        p.put("_id", m.id);
        p.put("rid", room.id);
        if (m.tmid != null) {
            p.put("tmid", m.tmid);
        }
        ObjectNode s = p.putObject("sender");
        s.put("_id", m.uid);
        s.put("username", m.username);
        s.put("name", m.name);
        p.put("type", room.t);
        p.put("name", room.direct() ? senderName : room.name);
        p.putObject("message").put("msg", m.msg);
        n.put("audioNotificationValue", "chime");
        core.events.notifyUser(uid, "notification", Json.arrOf(n));
    }

    /** A system message ({@code uj}, {@code ul}, {@code au}, {@code ru}, {@code r}...) from {@code actor}. */
    MessageRecord system(RoomRecord room, String type, String text, UserRecord actor) {
        MessageRecord m = new MessageRecord(core.ids.id(), room.id, text, core.now(), actor);
        m.t = type;
        m.groupable = false;
        m.parsed = false;
        return store(room, m);
    }

    void edit(RoomRecord room, MessageRecord m, String text, UserRecord editor) {
        m.msg = text;
        m.editedAt = core.now();
        m.editedById = editor.id;
        m.editedByUsername = editor.username;
        m.updatedAt = m.editedAt;
        m.mentions.clear();
        resolveMentions(m);
        core.events.message(room, m);
    }

    /** Hard delete ({@code deleteMessage} event), or the {@code t:"rm"} update when "show deleted status" is on. */
    void delete(RoomRecord room, MessageRecord m, UserRecord by) {
        if (core.settings.showDeletedStatus) {
            m.t = "rm";
            m.msg = "";
            m.editedAt = core.now();
            m.editedById = by.id;
            m.editedByUsername = by.username;
            m.updatedAt = m.editedAt;
            m.attachments = null;
            m.reactions.clear();
            core.events.message(room, m);
            return;
        }
        core.store.messages.remove(m.id);
        core.store.trash.add(new DataStore.Deleted(m.id, "message", room.id, m.uid, core.now()));
        room.msgs = Math.max(0, room.msgs - 1);
        core.events.deleteMessage(room.id, m.id);
    }

    /** Toggles (or sets, with {@code shouldReact}) a reaction and re-emits the message. */
    void react(RoomRecord room, MessageRecord m, UserRecord user, String emoji, Boolean shouldReact) {
        String key = emoji.startsWith(":") ? emoji : ":" + emoji + ":";
        List<String> users = m.reactions.computeIfAbsent(key, k -> new ArrayList<>());
        boolean has = users.contains(user.username);
        boolean want = shouldReact == null ? !has : shouldReact;
        if (want && !has) {
            users.add(user.username);
        } else if (!want && has) {
            users.remove(user.username);
        }
        if (users.isEmpty()) {
            m.reactions.remove(key);
        }
        if (want != has) {
            m.updatedAt = core.now();
            core.events.message(room, m);
        }
    }

    /** The rocket.cat ephemeral notice Rocket.Chat sends when it swallows a sendMessage error. */
    void ephemeral(String uid, String rid, String text) {
        ObjectNode o = Json.obj();
        o.put("_id", core.ids.id());
        o.put("rid", rid);
        o.put("msg", text);
        ObjectNode u = o.putObject("u");
        u.put("_id", "rocket.cat");
        u.put("username", "rocket.cat");
        o.put("private", true);
        o.put("groupable", false);
        long now = core.now();
        o.set("ts", Json.date(now));
        o.set("_updatedAt", Json.date(now));
        core.events.notifyUser(uid, "message", Json.arrOf(o));
    }

    /** A user's connections or chosen status changed: recompute and announce when others would see a change. */
    void connectionsChanged(String uid) {
        UserRecord u = core.user(uid);
        if (u == null) {
            return;
        }
        String before = u.effectiveStatus();
        boolean online = core.connections.stream().anyMatch(c -> uid.equals(c.userId));
        if (!online) {
            u.connectionStatus = "offline";
        } else if ("offline".equals(u.connectionStatus)) {
            u.connectionStatus = "online";
        }
        if (!before.equals(u.effectiveStatus())) {
            core.events.status(u);
        }
    }

    void setStatus(UserRecord u, String statusDefault, String statusText, String connectionStatus) {
        String before = u.effectiveStatus();
        String beforeText = u.statusText;
        if (statusDefault != null) {
            u.statusDefault = statusDefault;
        }
        if (statusText != null) {
            u.statusText = statusText;
        }
        if (connectionStatus != null && !"offline".equals(u.connectionStatus)) {
            u.connectionStatus = connectionStatus;
        }
        u.updatedAt = core.now();
        if (!before.equals(u.effectiveStatus()) || !beforeText.equals(u.statusText)) {
            core.events.status(u);
        }
    }
}
