package io.github.camelrocketchat.producer;

import java.util.List;

/**
 * What one producer exchange asks for: the method, the body and the options after per-exchange header overrides.
 *
 * @param method      the method (endpoint name, or the {@code CamelRocketChatMethod} header)
 * @param body        the message body (may be null)
 * @param roomId      the room id, or null
 * @param roomName    the room name to resolve, or null
 * @param threadId    the thread to reply in, or null
 * @param messageId   the message to act on, or null
 * @param alias       sendMessage alias, or null
 * @param emoji       sendMessage emoji override, or the setReaction emoji, or null
 * @param avatar      sendMessage avatar URL, or null
 * @param members     createChannel/createPrivateGroup members
 * @param readOnly    createChannel/createPrivateGroup read-only flag
 * @param limit       loadHistory limit
 * @param eventName   raw event name for a stream write, or null
 * @param event       the stream event option (e.g. typing), or null
 * @param statusText  setUserStatus text, or null
 * @param shouldReact setReaction add/remove, null to toggle
 */
record ProducerInput(String method, Object body, String roomId, String roomName, String threadId, String messageId,
                     String alias, String emoji, String avatar, List<String> members, boolean readOnly, int limit,
                     String eventName, String event, String statusText, Boolean shouldReact) {

    /** A copy with the room name resolved to {@code resolvedRoomId}. */
    ProducerInput withRoomId(String resolvedRoomId) {
        return new ProducerInput(method, body, resolvedRoomId, null, threadId, messageId, alias, emoji, avatar, members,
                readOnly, limit, eventName, event, statusText, shouldReact);
    }
}
