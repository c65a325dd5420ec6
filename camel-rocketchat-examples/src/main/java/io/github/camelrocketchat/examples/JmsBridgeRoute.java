package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.RocketChatConstants;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route 7, the JMS bridge: a room and two queues of a JMS broker ({@link JmsBroker}: embedded Artemis unless
 * {@code examples.jms.broker-url} names one).
 *
 * <ul>
 * <li>{@code chat-to-jms}: every message event of {@code examples.jms.room} (created, edited, deleted) goes to the queue
 * {@code examples.jms.out-queue} as a JSON text message, the message document as Rocket.Chat has it ({@code _id},
 * {@code rid}, {@code msg}, {@code u}, {@code ts}, ...). {@code JMSCorrelationID} is the Rocket.Chat message id, so a
 * consumer downstream can group a message with its edits and deletion; the JMS property {@code RocketChatEvent} says
 * which event it is (for selectors).</li>
 * <li>{@code jms-to-chat}: every text message put on {@code examples.jms.in-queue} is posted to the same room, in
 * order. The JMS session is transacted: the message leaves the queue only once Rocket.Chat stored the post, so a
 * failed post, a stopped route or a crash leaves it on the queue for the next try (the broker parks it in
 * {@code DLQ} after a few). Its Rocket.Chat {@code _id} comes from the {@code JMSMessageID} ({@link JmsChatMessage}),
 * so a redelivered JMS message is stored once.</li>
 * </ul>
 * No loop: {@code chat-to-jms} skips what the bot wrote ({@code skipOwnMessages}), which is everything
 * {@code jms-to-chat} posts.
 */
public class JmsBridgeRoute extends RouteBuilder {

    /** The JMS property with the message event ({@code created}, {@code edited}, {@code deleted}). */
    public static final String EVENT_PROPERTY = "RocketChatEvent";

    @Override
    public void configure() {
        from("rocketchat:stream-room-messages?roomName={{examples.jms.room}}&messageEvents=created,edited,deleted")
                .routeId("chat-to-jms")
                .setHeader("JMSCorrelationID", header(RocketChatConstants.MESSAGE_ID))
                .setHeader(EVENT_PROPERTY, header(RocketChatConstants.MESSAGE_EVENT))
                // the component's converter gives the whole document (dates as ISO-8601); String makes it a TextMessage
                .convertBodyTo(JsonNode.class)
                .convertBodyTo(String.class)
                // fire and forget: no reply queue, whatever the consumer's exchange pattern
                .to(ExchangePattern.InOnly, "jms:queue:{{examples.jms.out-queue}}")
                .log("chat-to-jms: ${header.RocketChatEvent} ${header.JMSCorrelationID} to {{examples.jms.out-queue}}");

        from("jms:queue:{{examples.jms.in-queue}}?transacted=true&lazyCreateTransactionManager=false")
                .routeId("jms-to-chat")
                // the room is this route's choice, not the sender's: JMS properties named like our headers are dropped
                .removeHeaders("CamelRocketChat*")
                .setBody(method(JmsChatMessage.class, "toMessage"))
                .to("rocketchat:sendMessage?roomName={{examples.jms.room}}")
                .log("jms-to-chat: ${header.JMSMessageID} posted to #{{examples.jms.room}} as ${header.CamelRocketChatMessageId}");
    }
}
