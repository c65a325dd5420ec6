package io.github.camelrocketchat;

import org.apache.camel.spi.Metadata;

/** The headers of the rocketchat component. Producer headers override the endpoint's options per exchange. */
public final class RocketChatConstants {

    @Metadata(label = "common", description = "The room id. Consumer: the room of the event. Producer: the room to act on "
            + "(overrides roomId/roomName).", javaType = "String")
    public static final String ROOM_ID = "CamelRocketChatRoomId";
    @Metadata(label = "common", description = "The room name. Consumer: from __my_messages__ events and notifications. Producer: "
            + "the room to act on, resolved to its id (overrides roomName).", javaType = "String")
    public static final String ROOM_NAME = "CamelRocketChatRoomName";
    @Metadata(label = "consumer", description = "The room type: c (public), p (private), d (direct), l (livechat).", javaType = "String")
    public static final String ROOM_TYPE = "CamelRocketChatRoomType";
    @Metadata(label = "common", description = "The message id. Consumer: the message of the event. Producer: the message to update, "
            + "delete or react to; after sendMessage, the new message's id.", javaType = "String")
    public static final String MESSAGE_ID = "CamelRocketChatMessageId";
    @Metadata(label = "common", description = "The thread parent's message id. Consumer: set on thread replies. Producer: reply in "
            + "this thread (overrides threadId).", javaType = "String")
    public static final String THREAD_ID = "CamelRocketChatThreadId";
    @Metadata(label = "consumer", description = "The id of the user the event is about (the message author, the active user, ...).",
            javaType = "String")
    public static final String USER_ID = "CamelRocketChatUserId";
    @Metadata(label = "consumer", description = "The username the event is about (the message author, the typing user, ...).",
            javaType = "String")
    public static final String USERNAME = "CamelRocketChatUsername";
    @Metadata(label = "common", description = "When the message was created (ts).", javaType = "java.time.Instant")
    public static final String TIMESTAMP = "CamelRocketChatTimestamp";
    @Metadata(label = "consumer", description = "When the message was last modified (_updatedAt).", javaType = "java.time.Instant")
    public static final String UPDATED_AT = "CamelRocketChatUpdatedAt";
    @Metadata(label = "consumer", description = "When the message was edited (editedAt), if it was.", javaType = "java.time.Instant")
    public static final String EDITED_AT = "CamelRocketChatEditedAt";
    @Metadata(label = "consumer", description = "The system message type (t), e.g. uj (user joined) or rm (removed); absent for normal messages.",
            javaType = "String")
    public static final String MESSAGE_TYPE = "CamelRocketChatMessageType";
    @Metadata(label = "consumer", description = "What happened to a room message: created (first sighting), edited (text changed), "
            + "updated (metadata only: reactions, url previews, thread counters, pins) or deleted.", javaType = "String",
            enums = "created,edited,updated,deleted")
    public static final String MESSAGE_EVENT = "CamelRocketChatMessageEvent";
    @Metadata(label = "consumer", description = "True on a room message event (or hard deletion) that a gap-fill fetched from the "
            + "server (after a reconnect, a backlog or at start from a stored cursor or since) rather than the live stream; absent "
            + "on live events.", javaType = "Boolean")
    public static final String REPLAYED = "CamelRocketChatReplayed";
    @Metadata(label = "consumer", description = "The stream or publication the event came from, e.g. stream-room-messages.", javaType = "String")
    public static final String STREAM = "CamelRocketChatStream";
    @Metadata(label = "common", description = "Consumer: the raw DDP event name (e.g. GENERAL/user-activity). Producer on a stream-* "
            + "name: the event name to write (the body gives the arguments).", javaType = "String")
    public static final String EVENT_NAME = "CamelRocketChatEventName";
    @Metadata(label = "consumer", description = "The action of rooms-changed and subscriptions-changed events (inserted, updated, removed, changed).",
            javaType = "String")
    public static final String ACTION = "CamelRocketChatAction";
    @Metadata(label = "consumer", description = "From __my_messages__: whether the user is a member of the message's room.", javaType = "Boolean")
    public static final String ROOM_PARTICIPANT = "CamelRocketChatRoomParticipant";
    @Metadata(label = "consumer", description = "Publication data: the collection of the document.", javaType = "String")
    public static final String COLLECTION = "CamelRocketChatCollection";
    @Metadata(label = "consumer", description = "Publication data: added, changed or removed.", javaType = "String",
            enums = "added,changed,removed")
    public static final String CHANGE_TYPE = "CamelRocketChatChangeType";
    @Metadata(label = "consumer", description = "Publication data: the document id.", javaType = "String")
    public static final String DOCUMENT_ID = "CamelRocketChatDocumentId";
    @Metadata(label = "producer", description = "The method to call; overrides the endpoint's name.", javaType = "String")
    public static final String METHOD = "CamelRocketChatMethod";
    @Metadata(label = "producer", description = "sendMessage: the display name override (overrides alias).", javaType = "String")
    public static final String ALIAS = "CamelRocketChatAlias";
    @Metadata(label = "producer", description = "sendMessage: the emoji avatar override; setReaction: the emoji (overrides emoji).",
            javaType = "String")
    public static final String EMOJI = "CamelRocketChatEmoji";
    @Metadata(label = "producer", description = "sendMessage: the avatar URL override (overrides avatar).", javaType = "String")
    public static final String AVATAR = "CamelRocketChatAvatar";
    @Metadata(label = "producer", description = "createChannel, createPrivateGroup: the usernames to add (a List or a comma-separated String).",
            javaType = "java.util.List<String>")
    public static final String MEMBERS = "CamelRocketChatMembers";
    @Metadata(label = "producer", description = "createChannel, createPrivateGroup: make the room read-only.", javaType = "Boolean")
    public static final String READ_ONLY = "CamelRocketChatReadOnly";
    @Metadata(label = "producer", description = "loadHistory: how many messages to load (overrides limit).", javaType = "Integer")
    public static final String LIMIT = "CamelRocketChatLimit";
    @Metadata(label = "producer", description = "setUserStatus: the status text.", javaType = "String")
    public static final String STATUS_TEXT = "CamelRocketChatStatusText";
    @Metadata(label = "producer", description = "setReaction: true to add, false to remove; absent toggles.", javaType = "Boolean")
    public static final String SHOULD_REACT = "CamelRocketChatShouldReact";
    @Metadata(label = "producer", description = "subscriptions/get and rooms/get with a since-date: the ids removed since then.",
            javaType = "java.util.List<String>")
    public static final String REMOVED_IDS = "CamelRocketChatRemovedIds";

    private RocketChatConstants() {
    }
}
