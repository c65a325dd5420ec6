package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typing and other user activity in a room: {@code <rid>/user-activity} ({@code [username, activities, extras?]})
 * or the legacy {@code <rid>/typing} ({@code [username, true|false]}, mapped to {@code ["user-typing"]} / {@code []}).
 *
 * @param roomId     the room
 * @param username   who is active (or their display name when the server uses real names)
 * @param activities e.g. {@code ["user-typing"]}; empty when the user stopped
 * @param extras     e.g. {@code {"tmid": ...}} for typing in a thread; empty when absent
 */
public record UserActivity(String roomId, String username, List<String> activities, Map<String, Object> extras)
        implements RocketChatModel {

    /** The activity name for typing. */
    public static final String TYPING = "user-typing";

    public UserActivity {
        activities = activities == null ? List.of() : List.copyOf(activities);
        extras = extras == null ? Map.of() : Values.frozenMap(extras);
    }

    /** True while the user is typing. */
    public boolean typing() {
        return activities.contains(TYPING);
    }

    /** The thread the activity is in, or null. */
    public String threadId() {
        Object tmid = extras.get("tmid");
        return tmid == null ? null : String.valueOf(tmid);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "rid", roomId);
        Values.put(out, "username", username);
        out.put("activities", activities);
        out.put("typing", typing());
        if (!extras.isEmpty()) {
            out.put("extras", extras);
        }
        return out;
    }
}
