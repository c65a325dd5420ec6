package io.github.camelrocketchat.testserver;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the stored records as Rocket.Chat puts them on the wire. Field order follows the reference's
 * examples ({@code _id, rid, msg, ts, u, _updatedAt, md} for messages).
 */
final class Docs {

    private Docs() {
    }

    static ObjectNode message(MessageRecord m, Dates dates) {
        return message(m, dates, true);
    }

    /** @param withMd whether to include the {@code md} tree (stored documents do; the sendMessage result does not). */
    static ObjectNode message(MessageRecord m, Dates dates, boolean withMd) {
        ObjectNode o = Json.obj();
        o.put("_id", m.id);
        if (m.t != null) {
            o.put("t", m.t);
        }
        o.put("rid", m.rid);
        o.put("msg", m.msg);
        o.set("ts", dates.of(m.ts));
        ObjectNode u = o.putObject("u");
        u.put("_id", m.uid);
        u.put("username", m.username);
        if (m.name != null) {
            u.put("name", m.name);
        }
        if (m.ephemeral) {
            o.put("private", true);
        }
        if (m.tmid != null) {
            o.put("tmid", m.tmid);
        }
        if (m.tshow != null) {
            o.put("tshow", m.tshow);
        }
        if (m.groupable != null) {
            o.put("groupable", m.groupable);
        }
        putIfSet(o, "alias", m.alias);
        putIfSet(o, "emoji", m.emoji);
        putIfSet(o, "avatar", m.avatar);
        if (m.attachments != null) {
            o.set("attachments", m.attachments);
        }
        if (m.bot != null) {
            o.set("bot", m.bot);
        }
        if (m.customFields != null) {
            o.set("customFields", m.customFields);
        }
        m.extra.forEach(o::set);
        if (!m.mentions.isEmpty()) {
            var arr = o.putArray("mentions");
            for (MessageRecord.Mention mention : m.mentions) {
                ObjectNode mo = arr.addObject();
                mo.put("_id", mention.id());
                mo.put("username", mention.username());
                mo.put("name", mention.name());
                mo.put("type", "user");
            }
        }
        o.set("_updatedAt", dates.of(m.updatedAt));
        if (m.editedAt != null) {
            o.set("editedAt", dates.of(m.editedAt));
            ObjectNode by = o.putObject("editedBy");
            by.put("_id", m.editedById);
            by.put("username", m.editedByUsername);
        }
        if (m.tcount > 0) {
            o.put("tcount", m.tcount);
            o.set("tlm", dates.of(m.tlm));
            o.set("replies", Json.arr(m.replies));
        }
        if (!m.reactions.isEmpty()) {
            ObjectNode r = o.putObject("reactions");
            for (Map.Entry<String, List<String>> e : m.reactions.entrySet()) {
                r.putObject(e.getKey()).set("usernames", Json.arr(e.getValue()));
            }
        }
        if (withMd && m.parsed && m.t == null && !m.ephemeral) {
            o.set("md", Markdown.plain(m.msg));
        }
        return o;
    }

    static ObjectNode room(RoomRecord r, Dates dates) {
        ObjectNode o = Json.obj();
        o.put("_id", r.id);
        o.put("t", r.t);
        if (!r.direct()) {
            o.put("name", r.name);
            o.put("fname", r.fname);
        }
        if (r.creatorId != null && !r.direct()) {
            ObjectNode u = o.putObject("u");
            u.put("_id", r.creatorId);
            u.put("username", r.creatorUsername);
        }
        if (r.direct()) {
            o.set("usernames", Json.arr(r.usernames));
            o.set("uids", Json.arr(r.uids));
        }
        o.put("msgs", r.msgs);
        o.put("usersCount", r.usersCount);
        o.set("ts", dates.of(r.ts));
        if (!r.direct()) {
            o.put("ro", r.readOnly);
            o.put("default", r.isDefault);
            o.put("sysMes", true);
        }
        if (r.topic != null) {
            o.put("topic", r.topic);
        }
        if (r.joinCode != null) {
            o.put("joinCodeRequired", true);
        }
        if (r.lm != null) {
            o.set("lm", dates.of(r.lm));
        }
        if (r.lastMessage != null) {
            o.set("lastMessage", message(r.lastMessage, dates));
        }
        o.set("_updatedAt", dates.of(r.updatedAt));
        return o;
    }

    static ObjectNode membership(MembershipRecord m, Dates dates) {
        ObjectNode o = Json.obj();
        o.put("_id", m.id);
        o.put("rid", m.rid);
        ObjectNode u = o.putObject("u");
        u.put("_id", m.uid);
        u.put("username", m.username);
        u.put("name", m.userName);
        o.put("t", m.t);
        o.put("name", m.name);
        o.put("fname", m.fname);
        o.put("open", m.open);
        o.put("alert", m.alert);
        o.put("unread", m.unread);
        o.put("userMentions", m.userMentions);
        o.put("groupMentions", 0);
        o.set("ts", dates.of(m.ts));
        o.set("ls", dates.of(m.ls));
        if (!m.roles.isEmpty()) {
            o.set("roles", Json.arr(m.roles));
        }
        o.set("_updatedAt", dates.of(m.updatedAt));
        return o;
    }

    /** The {@code removed} form of a subscription in {@code subscriptions-changed}. */
    static ObjectNode membershipRemoved(MembershipRecord m) {
        ObjectNode o = Json.obj();
        o.put("_id", m.id);
        ObjectNode u = o.putObject("u");
        u.put("_id", m.uid);
        u.put("username", m.username);
        o.put("rid", m.rid);
        o.put("t", m.t);
        return o;
    }

    /** The logged-in user's own document, published in the {@code users} collection (base fields minus status). */
    static ObjectNode ownUser(UserRecord u) {
        ObjectNode o = Json.obj();
        o.put("username", u.username);
        o.put("name", u.name);
        if (u.email != null) {
            ObjectNode e = o.putArray("emails").addObject();
            e.put("address", u.email);
            e.put("verified", u.emailVerified);
        }
        o.put("statusDefault", u.statusDefault);
        o.put("statusText", u.statusText);
        o.put("utcOffset", u.utcOffset);
        o.put("active", u.active);
        o.set("roles", Json.arr(u.roles));
        o.put("type", u.type);
        ObjectNode services = o.putObject("services");
        services.putObject("totp").put("enabled", u.totpSecret != null);
        services.putObject("email2fa").put("enabled", u.email2fa);
        o.set("_updatedAt", Json.date(u.updatedAt));
        return o;
    }

    /** A user as lists (getUsersOfRoom, spotlight) show it. */
    static ObjectNode userSummary(UserRecord u) {
        ObjectNode o = Json.obj();
        o.put("_id", u.id);
        o.put("username", u.username);
        o.put("name", u.name);
        o.put("status", u.effectiveStatus());
        o.put("statusText", u.statusText);
        o.put("utcOffset", u.utcOffset);
        return o;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}
