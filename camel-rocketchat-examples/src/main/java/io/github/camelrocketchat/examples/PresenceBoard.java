package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.UserStatus;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What route 5 knows: who is online (and how), and who is typing where. Each update returns the sentence the route
 * logs.
 *
 * <p>Thread-safe: the presence and typing consumers deliver on their own threads.
 */
public class PresenceBoard {

    /** Username to status (online, away, busy, offline); written by the presence consumer. */
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** "username in room" of everyone typing now; written by the typing consumer. */
    private final Set<String> typing = ConcurrentHashMap.newKeySet();

    /** Records a status change; the sentence to log. */
    public String status(UserStatus s) {
        String name = s.username() != null ? s.username() : s.userId();
        String before = statuses.put(name, s.status());
        String text = s.statusText() == null || s.statusText().isBlank() ? "" : " (\"" + s.statusText() + "\")";
        return name + " is " + s.status() + text + (before == null || before.equals(s.status()) ? "" : ", was " + before);
    }

    /** Records a typing (or other activity) change; the sentence to log. */
    public String activity(UserActivity a, String roomName) {
        String key = a.username() + " in #" + roomName;
        if (a.typing()) {
            typing.add(key);
            return a.username() + " is typing in #" + roomName + (a.threadId() == null ? "" : " (in a thread)");
        }
        typing.remove(key);
        return a.activities().isEmpty() ? a.username() + " stopped typing in #" + roomName
                : a.username() + " is busy in #" + roomName + ": " + String.join(", ", a.activities());
    }

    /** The last known status of a user, or null. */
    public String statusOf(String username) {
        return statuses.get(username);
    }

    /** True while {@code username} is typing in {@code roomName}. */
    public boolean isTyping(String username, String roomName) {
        return typing.contains(username + " in #" + roomName);
    }

    /** A snapshot of every known status, sorted by username. */
    public Map<String, String> statuses() {
        return new TreeMap<>(statuses);
    }
}
