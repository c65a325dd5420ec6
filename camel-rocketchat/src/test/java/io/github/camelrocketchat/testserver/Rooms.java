package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Room operations: create (c, p, d), join, add, leave, remove, with their system messages and events. */
final class Rooms {

    private static final Pattern VALID_NAME = Pattern.compile("^[0-9a-zA-Z-_.]+$");

    private final ServerCore core;

    Rooms(ServerCore core) {
        this.core = core;
    }

    /** {@code createRoom}: validates the name like {@code getValidRoomName}, adds owner and members. */
    RoomRecord create(String type, String name, UserRecord owner, List<String> memberUsernames, boolean readOnly)
            throws MeteorError {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw MeteorError.of("error-invalid-room-name", name + " is not a valid room name", nameDetails(name));
        }
        if (core.store.roomByName(name).isPresent()) {
            throw MeteorError.of("error-duplicate-channel-name", "A channel with name '" + name + "' exists",
                    nameDetails(name));
        }
        RoomRecord room = new RoomRecord(core.ids.id(), type, name, owner.id, owner.username, core.now());
        room.readOnly = readOnly;
        core.store.rooms.put(room.id, room);
        MembershipRecord own = addMember(room, owner, null, false);
        own.roles.add("owner");
        for (String username : memberUsernames) {
            core.store.userByName(username).filter(u -> !u.id.equals(owner.id))
                    .ifPresent(u -> addMember(room, u, null, false));
        }
        return room;
    }

    /** The DM of these users (created when missing); its id is the sorted user ids joined. */
    RoomRecord direct(List<UserRecord> users) {
        List<UserRecord> sorted = new ArrayList<>(users.stream().distinct().toList());
        sorted.sort((a, b) -> a.id.compareTo(b.id));
        String rid = String.join("", sorted.stream().map(u -> u.id).toList());
        RoomRecord existing = core.store.rooms.get(rid);
        if (existing != null) {
            return existing;
        }
        UserRecord creator = users.get(0);
        RoomRecord room = new RoomRecord(rid, "d", null, creator.id, creator.username, core.now());
        sorted.forEach(u -> room.uids.add(u.id));
        sorted.stream().map(u -> u.username).sorted().forEach(room.usernames::add);
        core.store.rooms.put(rid, room);
        for (UserRecord u : sorted) {
            addMember(room, u, null, false);
        }
        return room;
    }

    /**
     * Adds a membership; {@code uj} (self join) or {@code au} (added by {@code inviter}) when asked.
     * Returns the existing membership when already a member.
     */
    MembershipRecord addMember(RoomRecord room, UserRecord user, UserRecord inviter, boolean systemMessage) {
        var existing = core.store.membership(room.id, user.id);
        if (existing.isPresent()) {
            return existing.get();
        }
        String display = room.direct() ? otherName(room, user) : room.name;
        MembershipRecord m = new MembershipRecord(core.ids.id(), room, user, display, core.now());
        core.store.memberships.add(m);
        room.usersCount++;
        room.updatedAt = core.now();
        core.events.subscriptionChanged(m, "inserted");
        core.events.roomChangedFor(user.id, room, "inserted");
        if (systemMessage) {
            if (inviter == null) {
                core.chat.system(room, "uj", user.username, user);
            } else {
                core.chat.system(room, "au", user.username, inviter);
            }
        }
        return m;
    }

    private String otherName(RoomRecord room, UserRecord self) {
        return room.usernames.stream().filter(n -> !n.equals(self.username)).findFirst().orElse(self.username);
    }

    /** Removes a membership with {@code ul} (left) or {@code ru} (removed by {@code remover}). */
    void removeMember(RoomRecord room, UserRecord user, UserRecord remover) {
        var m = core.store.membership(room.id, user.id);
        if (m.isEmpty()) {
            return;
        }
        if (remover == null) {
            core.chat.system(room, "ul", user.username, user);
        } else {
            core.chat.system(room, "ru", user.username, remover);
        }
        core.store.memberships.remove(m.get());
        core.store.trash.add(new DataStore.Deleted(m.get().id, "subscription", room.id, user.id, core.now()));
        room.usersCount = Math.max(0, room.usersCount - 1);
        room.updatedAt = core.now();
        core.events.subscriptionChanged(m.get(), "removed");
        core.events.roomChangedFor(user.id, room, "removed");
        if (!core.chat.canAccess(user, room)) {
            core.publications.detachRoom(user.id, room);
        }
    }

    void rename(RoomRecord room, String newName, UserRecord by) {
        room.name = newName;
        room.fname = newName;
        room.updatedAt = core.now();
        for (MembershipRecord m : core.store.membersOf(room.id)) {
            m.name = newName;
            m.fname = newName;
            m.updatedAt = core.now();
            core.events.subscriptionChanged(m, "updated");
        }
        core.chat.system(room, "r", newName, by);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode nameDetails(String name) {
        var d = Json.obj();
        d.put("function", "RocketChat.getValidRoomName");
        d.put("channel_name", name);
        return d;
    }
}
