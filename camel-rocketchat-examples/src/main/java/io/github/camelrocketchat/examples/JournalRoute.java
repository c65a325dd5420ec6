package io.github.camelrocketchat.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route 4, the enterprise bridge: every message event of every room the bot can read ({@code __my_messages__}) as
 * one JSON line in {@code examples.journal-dir}/messages.jsonl. The file stands in for Kafka or JMS: swap the last
 * {@code to(...)} for {@code kafka:chat-messages} or {@code jms:queue:chat}.
 *
 * <p>Route 6, high availability: the consumer sits behind {@code master:}, so when several copies of this application
 * run, only the elected one subscribes; the others take over when it stops, from the cursor it left. The cluster
 * service that elects it (ZooKeeper or a file lock) and the cursor repository are set up in
 * {@link HighAvailabilityConfiguration}.
 */
public class JournalRoute extends RouteBuilder {

    @Override
    public void configure() {
        JournalLine journal = new JournalLine();

        // master:<namespace>:<endpoint> - every node competing for "rocketchat-journal" runs this route, one consumes.
        // Events: created, edited, deleted (deletions arrive here when the server shows deleted status; see docs).
        // The cursor is shared, so the next leader resumes where this one stopped; a session that gave up reconnecting
        // stops the route, which hands the leadership to a node that can still reach the server.
        from("master:rocketchat-journal:rocketchat:stream-room-messages?roomId=__my_messages__"
                + "&messageEvents=created,edited,deleted"
                + "&stateRepository=#" + HighAvailabilityConfiguration.CURSOR + "&maxReconnectAttempts=10")
                .routeId("journal")
                .setBody(method(journal, "toLine"))
                .to("file:{{examples.journal-dir}}?fileName=messages.jsonl&fileExist=Append")
                .log("journal: ${header.CamelRocketChatMessageEvent} ${header.CamelRocketChatMessageId}"
                        + " in #${header.CamelRocketChatRoomName}");
    }
}
