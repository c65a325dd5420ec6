package io.github.camelrocketchat.testserver;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One WebSocket frame as the test server saw it.
 *
 * @param connectionId the server's id of the connection ({@code c1}, {@code c2}, ...)
 * @param direction    {@link Direction#IN} from the client, {@link Direction#OUT} to it
 * @param time         server clock time
 * @param text         the frame text (for binary frames a description)
 * @param binary       true for a binary frame
 */
public record RecordedFrame(String connectionId, Direction direction, Instant time, String text, boolean binary) {

    /** Direction of a recorded frame. */
    public enum Direction {
        IN,
        OUT
    }

    /** The frame parsed as JSON, or null when it is not JSON. */
    public JsonNode json() {
        return binary ? null : Json.parseOrNull(text);
    }

    /** The frame's {@code msg} field, or null. */
    public String msg() {
        JsonNode j = json();
        return j != null && j.isObject() ? Json.text(j, "msg") : null;
    }

    /** Connection, direction, {@code msg} and size only: frames may carry password digests and tokens. */
    @Override
    public String toString() {
        return connectionId + " " + direction + " " + (binary ? "binary" : msg()) + " (" + text.length() + " chars)";
    }
}
