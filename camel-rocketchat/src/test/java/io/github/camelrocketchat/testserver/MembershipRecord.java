package io.github.camelrocketchat.testserver;

import java.util.LinkedHashSet;
import java.util.Set;

/** A user's subscription to a room (Rocket.Chat's {@code ISubscription}). Touched only on the server thread. */
final class MembershipRecord {

    final String id;
    final String rid;
    final String uid;
    final String username;
    String userName;
    final String t;
    String name;
    String fname;
    final long ts;
    long updatedAt;
    long ls;
    boolean open = true;
    boolean alert;
    int unread;
    int userMentions;
    final Set<String> roles = new LinkedHashSet<>();

    MembershipRecord(String id, RoomRecord room, UserRecord user, String displayName, long ts) {
        this.id = id;
        this.rid = room.id;
        this.uid = user.id;
        this.username = user.username;
        this.userName = user.name;
        this.t = room.t;
        this.name = displayName;
        this.fname = displayName;
        this.ts = ts;
        this.updatedAt = ts;
        this.ls = ts;
    }
}
