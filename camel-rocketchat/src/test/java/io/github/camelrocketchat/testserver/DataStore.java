package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory database. Every collection is touched only on the server thread; it survives a
 * {@link RocketChatTestServer#restart()}.
 */
final class DataStore {

    final Map<String, UserRecord> users = new LinkedHashMap<>();
    final Map<String, RoomRecord> rooms = new LinkedHashMap<>();
    final Map<String, MessageRecord> messages = new LinkedHashMap<>();
    final List<MembershipRecord> memberships = new ArrayList<>();
    /** Hard-deleted documents (the {@code _trash} collection), for {@code {update, remove}} answers. */
    final List<Deleted> trash = new ArrayList<>();
    final Permissions permissions = new Permissions();

    Optional<UserRecord> userByName(String username) {
        if (username == null) {
            return Optional.empty();
        }
        for (UserRecord u : users.values()) {
            if (u.username.equals(username)) {
                return Optional.of(u);
            }
        }
        List<UserRecord> ci = users.values().stream().filter(u -> u.username.equalsIgnoreCase(username)).toList();
        return ci.size() == 1 ? Optional.of(ci.get(0)) : Optional.empty();
    }

    Optional<UserRecord> userByEmail(String email) {
        return users.values().stream().filter(u -> u.email != null && u.email.equalsIgnoreCase(email)).findFirst();
    }

    Optional<UserRecord> user(String id) {
        return Optional.ofNullable(id == null ? null : users.get(id));
    }

    Optional<RoomRecord> room(String id) {
        return Optional.ofNullable(id == null ? null : rooms.get(id));
    }

    Optional<RoomRecord> roomByName(String name) {
        return rooms.values().stream().filter(r -> name != null && name.equals(r.name)).findFirst();
    }

    Optional<RoomRecord> roomByIdOrName(String idOrName) {
        return room(idOrName).or(() -> roomByName(idOrName));
    }

    Optional<MembershipRecord> membership(String rid, String uid) {
        return memberships.stream().filter(m -> m.rid.equals(rid) && m.uid.equals(uid)).findFirst();
    }

    List<MembershipRecord> membersOf(String rid) {
        return memberships.stream().filter(m -> m.rid.equals(rid)).toList();
    }

    List<MembershipRecord> membershipsOf(String uid) {
        return memberships.stream().filter(m -> m.uid.equals(uid)).toList();
    }

    /** Messages of a room in insertion (ts) order. */
    List<MessageRecord> messagesOf(String rid) {
        return messages.values().stream().filter(m -> m.rid.equals(rid)).toList();
    }

    /** A deleted document: id, the room it was in (messages, memberships) or null, and when. */
    record Deleted(String id, String collection, String rid, String uid, long deletedAt) {
    }
}
