package io.github.camelrocketchat.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route 4, the enterprise bridge: every message event of every room the bot can read ({@code __my_messages__}) as
 * one JSON line in {@code examples.journal-dir}/messages.jsonl. The file stands in for Kafka or JMS: swap the last
 * {@code to(...)} for {@code kafka:chat-messages} or {@code jms:queue:chat}.
 *
 * <p>Route 6, high availability: the consumer sits behind {@code master:}, so when several copies of this application
 * run, only the elected one subscribes; the others take over when it stops. The cluster service that elects it is
 * set up in {@link HighAvailabilityConfiguration}.
 */
public class JournalRoute extends RouteBuilder {

    @Override
    public void configure() {
        JournalLine journal = new JournalLine();

        // master:<namespace>:<endpoint> - every node competing for "rocketchat-journal" runs this route, one consumes.
        // Events: created, edited, deleted (deletions arrive here when the server shows deleted status; see docs).
        from("master:rocketchat-journal:rocketchat:stream-room-messages?roomId=__my_messages__"
                + "&messageEvents=created,edited,deleted")
                .routeId("journal")
                .setBody(method(journal, "toLine"))
                .to("file:{{examples.journal-dir}}?fileName=messages.jsonl&fileExist=Append")
                .log("journal: ${header.CamelRocketChatMessageEvent} ${header.CamelRocketChatMessageId}"
                        + " in #${header.CamelRocketChatRoomName}");
    }
}
