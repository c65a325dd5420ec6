package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The publications: Rocket.Chat's streamer streams with their read rules (reference C.1, C.2, C.5),
 * {@code stream-user-presence} (C.4), the two Meteor bootstrap publications, and the re-run of every
 * subscription on login/logout (A.4). Server thread only.
 */
final class Publications {

    static final String PRESENCE = "stream-user-presence";
    private static final Set<String> STREAMS = Set.of("stream-room-messages", "stream-notify-room",
            "stream-notify-user", "stream-notify-logged", "stream-notify-all", "stream-roles", "stream-importers",
            "stream-apps", "stream-apps-engine", "stream-local", "stream-room-data", "stream-notify-room-users",
            "stream-livechat-room", "stream-livechat-inquiry-queue-observer", "stream-canned-responses",
            "stream-integrationHistory");
    private static final Set<String> METEOR = Set.of("meteor.loginServiceConfiguration",
            "meteor_autoupdate_clientVersions");

    private final ServerCore core;

    Publications(ServerCore core) {
        this.core = core;
    }

    boolean exists(String name) {
        return STREAMS.contains(name) || METEOR.contains(name) || (PRESENCE.equals(name) && !core.dialect.legacy());
    }

    void subscribe(DdpConnection c, String id, String name, ArrayNode params) {
        if (!exists(name)) {
            nosub(c, id, MeteorError.numeric(404, "Subscription '" + name + "' not found"));
            return;
        }
        if (c.subs.containsKey(id)) {
            return;
        }
        MeteorError limited = core.limiter.check(new RateLimiter.Input(c.id, c.userId, name, false));
        if (limited != null) {
            nosub(c, id, limited);
            return;
        }
        if (PRESENCE.equals(name)) {
            presence(c, id, params);
            return;
        }
        JsonNode first = params.get(0);
        String eventName = first != null && first.isTextual() ? first.asText() : "";
        JsonNode options = params.get(1);
        boolean useCollection = options != null
                && (options.isBoolean() ? options.asBoolean() : options.path("useCollection").asBoolean(false));
        if (!METEOR.contains(name)) {
            try {
                checkRead(c, name, eventName);
            } catch (MeteorError e) {
                nosub(c, id, e);
                return;
            }
        }
        c.subs.put(id, new ActiveSub(id, name, eventName, options, useCollection));
        if (useCollection && !core.dialect.streamer()) {
            ObjectNode added = Json.obj();
            added.put("msg", "added");
            added.put("collection", name);
            added.put("id", "id");
            added.putObject("fields").put("eventName", eventName);
            c.send(added);
        }
        ready(c, List.of(id));
    }

    void stop(DdpConnection c, String subId) {
        c.subs.remove(subId);
        if (subId.equals(c.presenceCarrier)) {
            c.presenceCarrier = null;
            c.watchedPresence.clear();
        }
    }

    /** Removes, without any frame, the {@code <rid>} subscriptions of a user who lost access to a room. */
    void detachRoom(String uid, RoomRecord room) {
        for (DdpConnection c : core.connections) {
            if (uid.equals(c.userId)) {
                c.subs.values().removeIf(s -> ("stream-room-messages".equals(s.name()) && s.eventName().equals(room.id))
                        || ("stream-notify-room".equals(s.name()) && s.eventName().startsWith(room.id + "/")));
            }
        }
    }

    /**
     * Meteor's {@code _setUserId}: every subscription is run again for the new user. Denied ones get
     * {@code nosub} with the error at once; the users document diff follows; then one {@code ready} listing all
     * the others.
     */
    void rerun(DdpConnection c) {
        List<String> ready = new ArrayList<>();
        for (ActiveSub s : List.copyOf(c.subs.values())) {
            try {
                if (PRESENCE.equals(s.name())) {
                    if (c.userId == null) {
                        throw MeteorError.of("not-allowed");
                    }
                } else if (!METEOR.contains(s.name())) {
                    checkRead(c, s.name(), s.eventName());
                }
                ready.add(s.id());
            } catch (MeteorError e) {
                stop(c, s.id());
                nosub(c, s.id(), e);
            }
        }
        publishUser(c);
        if (!ready.isEmpty()) {
            ready(c, ready);
        }
    }

    /** The {@code users} collection: the logged-in user's own document ({@code added} / {@code removed}). */
    void publishUser(DdpConnection c) {
        if (c.publishedUserId != null && !c.publishedUserId.equals(c.userId)) {
            ObjectNode removed = Json.obj();
            removed.put("msg", "removed");
            removed.put("collection", "users");
            removed.put("id", c.publishedUserId);
            c.send(removed);
            c.publishedUserId = null;
        }
        UserRecord u = core.user(c.userId);
        if (u != null && c.publishedUserId == null) {
            ObjectNode added = Json.obj();
            added.put("msg", "added");
            added.put("collection", "users");
            added.put("id", u.id);
            added.set("fields", Docs.ownUser(u));
            c.send(added);
            c.publishedUserId = u.id;
        }
    }

    /** Merge-box update of the own user document on every connection that published it. */
    void userChanged(UserRecord u, ObjectNode fields) {
        for (DdpConnection c : core.connections) {
            if (u.id.equals(c.publishedUserId)) {
                ObjectNode changed = Json.obj();
                changed.put("msg", "changed");
                changed.put("collection", "users");
                changed.put("id", u.id);
                changed.set("fields", fields.deepCopy());
                c.send(changed);
            }
        }
    }

    private void presence(DdpConnection c, String id, ArrayNode params) {
        if (c.userId == null) {
            nosub(c, id, MeteorError.of("not-allowed"));
            return;
        }
        JsonNode opts = params.get(1);
        if (opts != null && opts.isObject()) {
            opts.path("added").forEach(n -> c.watchedPresence.add(n.asText()));
            opts.path("removed").forEach(n -> c.watchedPresence.remove(n.asText()));
        }
        if (c.presenceCarrier == null) {
            c.presenceCarrier = id;
            c.subs.put(id, new ActiveSub(id, PRESENCE, "", opts, false));
            ready(c, List.of(id));
        } else {
            ObjectNode nosub = Json.obj();
            nosub.put("msg", "nosub");
            nosub.put("id", id);
            c.send(nosub);
        }
    }

    /** The streamer's {@code _publish} checks: empty event name, then the read rule of the stream. */
    void checkRead(DdpConnection c, String name, String eventName) throws MeteorError {
        if (eventName.isEmpty()) {
            throw MeteorError.of("invalid-event-name");
        }
        UserRecord user = core.user(c.userId);
        boolean allowed = switch (name) {
            case "stream-room-messages" -> "__my_messages__".equals(eventName) || roomReadable(user, eventName);
            case "stream-notify-room" -> notifyRoomReadable(user, eventName);
            case "stream-notify-user" -> user != null && eventName.startsWith(user.id + "/");
            case "stream-notify-logged", "stream-roles" -> user != null;
            case "stream-room-data" -> roomReadable(user, eventName);
            case "stream-notify-all" -> !"private-settings-changed".equals(eventName)
                    || core.store.permissions.has(user, null, "view-private-settings");
            case "stream-importers", "stream-apps" -> true;
            default -> false;
        };
        if (!allowed) {
            throw MeteorError.of("not-allowed");
        }
    }

    private boolean roomReadable(UserRecord user, String rid) {
        RoomRecord room = core.store.rooms.get(rid);
        return room != null && user != null && core.chat.canAccess(user, room);
    }

    private boolean notifyRoomReadable(UserRecord user, String eventName) {
        int slash = eventName.indexOf('/');
        String rid = slash < 0 ? eventName : eventName.substring(0, slash);
        String event = slash < 0 ? "" : eventName.substring(slash + 1);
        if ("webrtc".equals(event)) {
            return true;
        }
        if (core.dialect.legacy()) {
            return user != null && core.store.membership(rid, user.id).isPresent();
        }
        return roomReadable(user, rid);
    }

    void ready(DdpConnection c, List<String> ids) {
        ObjectNode r = Json.obj();
        r.put("msg", "ready");
        r.set("subs", Json.arr(ids));
        c.send(r);
    }

    void nosub(DdpConnection c, String id, MeteorError e) {
        ObjectNode n = Json.obj();
        n.put("msg", "nosub");
        n.put("id", id);
        n.set("error", e.toJson(core.dialect));
        c.send(n);
    }
}
