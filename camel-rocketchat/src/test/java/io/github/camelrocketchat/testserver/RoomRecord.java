package io.github.camelrocketchat.testserver;

import java.util.ArrayList;
import java.util.List;

/** A room in the emulated database. Mutable; touched only on the server thread. */
final class RoomRecord {

    final String id;
    /** c public, p private, d direct. */
    final String t;
    String name;
    String fname;
    final String creatorId;
    final String creatorUsername;
    final long ts;
    long updatedAt;
    int msgs;
    int usersCount;
    Long lm;
    MessageRecord lastMessage;
    boolean readOnly;
    boolean isDefault;
    String topic;
    String joinCode;
    /** DMs only, sorted as Rocket.Chat stores them. */
    final List<String> usernames = new ArrayList<>();
    final List<String> uids = new ArrayList<>();

    RoomRecord(String id, String t, String name, String creatorId, String creatorUsername, long ts) {
        this.id = id;
        this.t = t;
        this.name = name;
        this.fname = name;
        this.creatorId = creatorId;
        this.creatorUsername = creatorUsername;
        this.ts = ts;
        this.updatedAt = ts;
    }

    boolean direct() {
        return "d".equals(t);
    }

    @Override
    public String toString() {
        return "RoomRecord[" + id + ", " + t + ", " + name + "]";
    }
}
