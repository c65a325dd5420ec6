package io.github.camelrocketchat.ddp;

import java.util.List;

/**
 * One Rocket.Chat stream event: a {@code changed} frame on a {@code stream-*} collection.
 *
 * @param collection the stream, e.g. {@code stream-notify-room}
 * @param eventName  {@code fields.eventName}, e.g. {@code GENERAL/user-activity}
 * @param args       {@code fields.args}, EJSON-decoded, unmodifiable (never null)
 * @param id         the frame's {@code id}: the literal {@code "id"} for normal streams, the user id for
 *                   {@code stream-user-presence}
 * @param uid        {@code fields.uid} of a {@code stream-user-presence} event, else null
 */
public record StreamEvent(String collection, String eventName, List<Object> args, String id, String uid) {
}
