package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory database. Every collection is touched only on the server thread; it survives a
 * {@link RocketChatTestServer#restart()}.
 */
final class DataStore {

    final Map<String, UserRecord> users = new LinkedHashMap<>();
    final Map<String, RoomRecord> rooms = new LinkedHashMap<>();
    final Map<String, MessageRecord> messages = new MessageTable();
    final List<MembershipRecord> memberships = new MembershipTable();
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
        return membersOf(rid).stream().filter(m -> m.uid.equals(uid)).findFirst();
    }

    List<MembershipRecord> membersOf(String rid) {
        return List.copyOf(((MembershipTable) memberships).byRoom.getOrDefault(rid, List.of()));
    }

    List<MembershipRecord> membershipsOf(String uid) {
        return memberships.stream().filter(m -> m.uid.equals(uid)).toList();
    }

    /** Messages of a room in insertion (ts) order. */
    List<MessageRecord> messagesOf(String rid) {
        Set<String> ids = ((MessageTable) messages).byRoom.getOrDefault(rid, Set.of());
        List<MessageRecord> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(messages.get(id));
        }
        return out;
    }

    /**
     * The messages by id, indexed by room: a lookup per room walks that room only, not every message of the server
     * (a benchmark stores hundreds of thousands, and a thousand rooms gap-fill at once).
     */
    private static final class MessageTable extends LinkedHashMap<String, MessageRecord> {
        final Map<String, Set<String>> byRoom = new HashMap<>();

        @Override
        public MessageRecord put(String id, MessageRecord m) {
            MessageRecord before = super.put(id, m);
            if (before != null && !before.rid.equals(m.rid)) {
                unindex(id, before);
            }
            byRoom.computeIfAbsent(m.rid, k -> new LinkedHashSet<>()).add(id);
            return before;
        }

        @Override
        public MessageRecord remove(Object id) {
            MessageRecord before = super.remove(id);
            if (before != null) {
                unindex((String) id, before);
            }
            return before;
        }

        private void unindex(String id, MessageRecord m) {
            Set<String> ids = byRoom.get(m.rid);
            if (ids != null) {
                ids.remove(id);
            }
        }
    }

    /** The memberships, indexed by room (add and remove only: the server never edits the list otherwise). */
    private static final class MembershipTable extends ArrayList<MembershipRecord> {
        final Map<String, List<MembershipRecord>> byRoom = new HashMap<>();

        @Override
        public boolean add(MembershipRecord m) {
            byRoom.computeIfAbsent(m.rid, k -> new ArrayList<>()).add(m);
            return super.add(m);
        }

        @Override
        public boolean remove(Object o) {
            if (o instanceof MembershipRecord m) {
                List<MembershipRecord> of = byRoom.get(m.rid);
                if (of != null) {
                    of.remove(m);
                }
            }
            return super.remove(o);
        }
    }

    /** A deleted document: id, the room it was in (messages, memberships) or null, and when. */
    record Deleted(String id, String collection, String rid, String uid, long deletedAt) {
    }
}
