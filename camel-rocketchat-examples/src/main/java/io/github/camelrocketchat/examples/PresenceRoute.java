package io.github.camelrocketchat.examples;

import org.apache.camel.builder.RouteBuilder;

/** Route 5, presence and typing: logs who comes online, goes away or offline, and who is typing in the bot's room. */
public class PresenceRoute extends RouteBuilder {

    @Override
    public void configure() {
        // the board both consumers write; in the registry so the demo (and tests) can read it
        bindToRegistry("presenceBoard", new PresenceBoard());

        // user-status on stream-notify-logged: every user's status, without a list of user ids to watch
        // (stream-user-presence with userIds=... is the narrower choice on 7.x and later).
        from("rocketchat:stream-notify-logged?event=user-status")
                .routeId("presence")
                .setBody(method("presenceBoard", "status"))
                .log("${body}");

        // user-activity on stream-notify-room: typing (and recording, uploading) in one room
        from("rocketchat:stream-notify-room?roomName={{examples.bot-room}}&event=user-activity")
                .routeId("typing")
                .setBody(method("presenceBoard", "activity(${body}, ${properties:examples.bot-room})"))
                .log("${body}");
    }
}
