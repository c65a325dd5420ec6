package io.github.camelrocketchat.testserver;

/**
 * A room created on the test server.
 *
 * @param id   the room id ({@code rid})
 * @param name the room name ({@code null} for direct rooms)
 * @param type {@code c}, {@code p} or {@code d}
 */
public record TestRoom(String id, String name, String type) {
}
