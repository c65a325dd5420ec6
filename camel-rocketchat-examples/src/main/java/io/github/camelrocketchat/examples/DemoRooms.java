package io.github.camelrocketchat.examples;

import java.nio.file.Path;

/**
 * The names the routes and the demo share ({@code examples.*} in application.properties).
 *
 * @param botRoom     where the command bot listens and the typing logger watches
 * @param bridgeFrom  the room the bridge mirrors
 * @param bridgeTo    the room it mirrors into
 * @param alertRoom   where alerts go
 * @param journalFile the JSON lines file of the journal route
 */
public record DemoRooms(String botRoom, String bridgeFrom, String bridgeTo, String alertRoom, Path journalFile) {
}
