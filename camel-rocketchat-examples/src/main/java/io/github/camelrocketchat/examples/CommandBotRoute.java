package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.RocketChatConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route 1, the command bot (Java DSL): answers {@code !help}, {@code !echo} and {@code !time} in the room
 * {@code examples.bot-room}.
 */
public class CommandBotRoute extends RouteBuilder {

    @Override
    public void configure() {
        CommandBot bot = new CommandBot();

        // created: new messages only (not edits or reactions of old ones).
        // skipOwnMessages: the consumer drops what the bot itself wrote, so "!echo !help" cannot start a conversation
        // of the bot with itself (it is the default; spelled out for the reader).
        from("rocketchat:stream-room-messages?roomName={{examples.bot-room}}&messageEvents=created&skipOwnMessages=true")
                .routeId("command-bot")
                // the body is a ChatMessage; Camel converts it to the String parameters below (its text)
                .filter(method(bot, "isCommand"))
                .choice()
                    .when(header(RocketChatConstants.THREAD_ID).isNotNull())
                        .log("${header.CamelRocketChatUsername} asked in a thread: ${bodyAs(String)}")
                    .otherwise()
                        .log("${header.CamelRocketChatUsername} asked: ${bodyAs(String)}")
                .end()
                .setBody(method(bot, "answer"))
                // The consumer set CamelRocketChatRoomId (the room) and, for a thread reply, CamelRocketChatThreadId
                // (its parent): the producer reads both, so the answer lands in the same room and the same thread.
                .to("rocketchat:sendMessage")
                .log("answered: ${bodyAs(String)}");
    }
}
