package io.github.camelrocketchat.support;

import io.github.camelrocketchat.RocketChatInvalidInputException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an endpoint name means. A consumer subscribes to a stream ({@code stream-*}) or a classic publication;
 * a producer calls a method (any name) or writes to a writable stream.
 */
public final class EndpointNames {
    /** Streams with typed bodies and documented event names. */
    public static final Set<String> KNOWN_STREAMS = Set.of("stream-room-messages", "stream-notify-room", "stream-notify-user",
            "stream-notify-logged", "stream-notify-all", "stream-user-presence");
    /** Streams a client may write to by calling the method of the same name. */
    static final Set<String> WRITABLE_STREAMS = Set.of("stream-notify-room", "stream-notify-user", "stream-notify-room-users");
    /** Methods with dedicated producer support. */
    public static final Set<String> PRODUCER_METHODS = Set.of("sendMessage", "updateMessage", "deleteMessage", "setReaction",
            "createChannel", "createPrivateGroup", "createDirectMessage", "joinRoom", "leaveRoom", "getRoomRoles",
            "subscriptions/get", "rooms/get", "UserPresence:setDefaultStatus", "setUserStatus", "loadHistory",
            "loadMissedMessages");
    /** Other DDP methods of current servers: never publications, so a consumer on one is a mistake. */
    static final Set<String> OTHER_METHODS = Set.of("login", "logout", "pinMessage", "unpinMessage", "starMessage",
            "getRoomByTypeAndName", "getRoomIdByNameOrId", "UserPresence:online", "UserPresence:away", "loadNextMessages",
            "loadSurroundingMessages", "readMessages", "readThreads", "getUsersOfRoom", "spotlight", "getThreadMessages",
            "getThreadsList", "sendFileMessage", "public-settings/get", "permissions/get", "canAccessRoom", "getUserRoles",
            "muteUserInRoom", "unmuteUserInRoom", "eraseRoom");

    /**
     * Methods that would end or take over the login of the shared session, for every endpoint that uses it: a producer
     * calls them only with {@code allowSessionMethods=true}.
     */
    public static final Set<String> SESSION_METHODS = Set.of("login", "logout", "logoutOtherClients", "deleteUserOwnAccount");

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:/\\-]+");

    private EndpointNames() {
    }

    /** Fails for a name that cannot be a DDP method, stream or publication name. */
    public static void validateSyntax(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The endpoint needs a name: rocketchat:<stream, publication or method>, e.g. "
                    + "rocketchat:stream-room-messages or rocketchat:sendMessage");
        }
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid endpoint name '" + name + "': a DDP name contains only letters, digits "
                    + "and . _ - : /");
        }
    }

    public static boolean isStream(String name) {
        return name.startsWith("stream-");
    }

    public static boolean isKnownMethod(String name) {
        return PRODUCER_METHODS.contains(name) || OTHER_METHODS.contains(name);
    }

    /** Fails when {@code name} cannot be consumed; the message lists what can. */
    public static void validateForConsumer(String name) {
        if (isKnownMethod(name)) {
            throw new IllegalArgumentException("rocketchat:" + name + " is a method: use it as a producer (to(\"rocketchat:" + name
                    + "\")). A consumer subscribes to a stream (" + String.join(", ", new TreeSet<>(KNOWN_STREAMS))
                    + ", or any other stream-*) or a classic publication (with the collection option)");
        }
    }

    /** Fails when {@code name} cannot be produced to; the message lists what can. */
    public static void validateForProducer(String name) {
        if (isStream(name) && !WRITABLE_STREAMS.contains(name)) {
            throw new IllegalArgumentException("rocketchat:" + name + " is a read-only stream: use it as a consumer (from(\"rocketchat:"
                    + name + "\")). A producer calls a method (" + String.join(", ", new TreeSet<>(PRODUCER_METHODS))
                    + ", or any other method name) or writes to " + String.join(", ", new TreeSet<>(WRITABLE_STREAMS)));
        }
    }

    /**
     * Fails when a producer would call a method of {@link #SESSION_METHODS} and the endpoint does not allow it; the
     * message says why and which option allows it.
     */
    public static void checkSessionMethod(String method, boolean allowed) {
        if (!allowed && SESSION_METHODS.contains(method)) {
            throw new RocketChatInvalidInputException("rocketchat:" + method + " is refused: it would end or replace the login of "
                    + "the connection that every rocketchat endpoint with the same server and credentials shares. Set "
                    + "allowSessionMethods=true on this endpoint to call it anyway (" + String.join(", ", new TreeSet<>(SESSION_METHODS))
                    + " are refused by default)", "session-method-refused", null, null, method, null);
        }
    }
}
