package io.github.camelrocketchat.testserver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An active subscription of one connection.
 *
 * @param id            client-chosen sub id
 * @param name          publication name ({@code stream-room-messages} ...)
 * @param eventName     first param (stream event name), "" when absent
 * @param options       second param (options object or legacy boolean), may be null
 * @param useCollection whether the client asked for {@code useCollection:true}
 */
record ActiveSub(String id, String name, String eventName, JsonNode options, boolean useCollection) {

    boolean matches(String stream, String event) {
        return name.equals(stream) && eventName.equals(event);
    }
}
