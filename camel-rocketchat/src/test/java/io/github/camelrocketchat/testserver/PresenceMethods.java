package io.github.camelrocketchat.testserver;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** Presence methods: {@code UserPresence:*} and {@code setUserStatus} (reference D, C.4). */
final class PresenceMethods {

    private static final Set<String> STATUSES = Set.of("online", "away", "busy", "offline");

    private PresenceMethods() {
    }

    static void register(MethodRegistry r, ServerCore core) {
        r.add("UserPresence:setDefaultStatus", inv -> {
            String status = inv.string(0);
            UserRecord u = inv.user();
            if (u == null) {
                return null;
            }
            if (!STATUSES.contains(status)) {
                return BooleanNode.FALSE;
            }
            core.chat.setStatus(u, status, null, null);
            return BooleanNode.TRUE;
        });
        r.add("UserPresence:online", inv -> connectionStatus(inv, core, "online"));
        r.add("UserPresence:away", inv -> connectionStatus(inv, core, "away"));
        r.add("setUserStatus", inv -> {
            String status = inv.optString(0);
            String text = inv.optString(1);
            UserRecord u = inv.requireUser();
            if (status != null && !STATUSES.contains(status)) {
                throw MeteorError.forMethod("error-invalid-status", "Invalid status", "setUserStatus");
            }
            core.chat.setStatus(u, status, text, null);
            return null;
        });
    }

    private static JsonNode connectionStatus(Invocation inv, ServerCore core, String status) {
        UserRecord u = inv.user();
        if (u == null) {
            return null;
        }
        core.chat.setStatus(u, null, null, status);
        return BooleanNode.TRUE;
    }
}
