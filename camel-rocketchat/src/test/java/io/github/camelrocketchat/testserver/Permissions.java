package io.github.camelrocketchat.testserver;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Role-based permissions with Rocket.Chat's defaults for the permissions the emulator checks. Global roles
 * come from the user, room roles (owner, moderator, leader) from the membership.
 */
final class Permissions {

    /** permission -> roles; touched on the server thread (tests change it through the server facade). */
    private final Map<String, Set<String>> grants = new HashMap<>();

    Permissions() {
        grant("create-c", "admin", "user", "bot", "app");
        grant("create-p", "admin", "user", "bot", "app");
        grant("create-d", "admin", "user", "bot", "app");
        grant("preview-c-room", "admin", "user", "anonymous");
        grant("view-c-room", "admin", "user", "bot", "app", "anonymous");
        grant("view-joined-room", "guest", "bot", "app", "anonymous", "user");
        grant("edit-message", "admin", "owner", "moderator");
        grant("delete-message", "admin", "owner", "moderator");
        grant("delete-own-message", "admin", "user");
        grant("force-delete-message", "admin", "owner");
        grant("add-user-to-joined-room", "admin", "owner", "moderator");
        grant("add-user-to-any-c-room", "admin");
        grant("remove-user", "admin", "owner", "moderator");
        grant("post-readonly", "admin", "owner", "moderator");
        grant("send-many-messages", "admin", "bot", "app");
        grant("join-without-join-code", "admin", "bot", "app");
        grant("view-private-settings", "admin");
        grant("create-personal-access-tokens", "admin", "user");
        grant("view-other-user-channels", "admin");
    }

    void grant(String permission, String... roles) {
        grants.put(permission, new LinkedHashSet<>(List.of(roles)));
    }

    boolean has(UserRecord user, MembershipRecord membership, String permission) {
        Set<String> roles = grants.getOrDefault(permission, Set.of());
        if (user == null) {
            return roles.contains("anonymous");
        }
        for (String r : user.roles) {
            if (roles.contains(r)) {
                return true;
            }
        }
        if (membership != null) {
            for (String r : membership.roles) {
                if (roles.contains(r)) {
                    return true;
                }
            }
        }
        return false;
    }
}
