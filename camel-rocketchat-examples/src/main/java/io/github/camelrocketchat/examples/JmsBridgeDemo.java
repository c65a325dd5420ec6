package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's part for route 7 (the JMS bridge): bob writes in the room and the demo, as a back-end system would,
 * reads his message from the out queue; then it puts a text on the in queue and alice sees the bot post it. Plain
 * JMS on purpose: this is what a system on the other side of the broker does.
 */
final class JmsBridgeDemo {

    private static final Logger DEMO = LoggerFactory.getLogger("demo");

    private final RocketChatTestServer server;
    private final CamelContext context;
    private final ObjectMapper json = new ObjectMapper();

    JmsBridgeDemo(RocketChatTestServer server, CamelContext context) {
        this.server = server;
        this.context = context;
    }

    void play(SimulatedHuman human, Duration wait) throws InterruptedException {
        String room = context.resolvePropertyPlaceholders("{{examples.jms.room}}");
        String out = context.resolvePropertyPlaceholders("{{examples.jms.out-queue}}");
        String in = context.resolvePropertyPlaceholders("{{examples.jms.in-queue}}");
        ConnectionFactory cf = context.getRegistry().lookupByNameAndType("jmsConnectionFactory", ConnectionFactory.class);
        DEMO.info("---- route 7: the JMS bridge #{} -> queue {}, queue {} -> #{} ----", room, out, in, room);

        SimulatedHuman.act("bob", "writes in #" + room + ": Ticket 4711 is fixed");
        String id = server.as("bob").send(room, "Ticket 4711 is fixed");
        human.verdict("bob's message is on the queue " + out + " as JSON, with its id as JMSCorrelationID",
                arrivedAsJson(cf, out, id, "Ticket 4711 is fixed", wait));

        SimulatedHuman.act("a back-end system", "puts \"Build 1.2.3 is deployed\" on the queue " + in);
        try (JMSContext jms = cf.createContext()) {
            jms.createProducer().send(jms.createQueue(in), "Build 1.2.3 is deployed");
        }
        human.expect("the bot posted it in #" + room, s -> SimulatedHuman.byBot(s, room)
                && "Build 1.2.3 is deployed".equals(s.message().text()));
    }

    /** Waits for the message correlated with {@code id} on the queue, and checks it is that message's document. */
    private boolean arrivedAsJson(ConnectionFactory cf, String queue, String id, String text, Duration wait) {
        try (JMSContext jms = cf.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue), "JMSCorrelationID = '" + id + "'")) {
            Message m = consumer.receive(wait.toMillis());
            if (!(m instanceof TextMessage t)) {
                return false;
            }
            JsonNode doc = json.readTree(t.getText());
            return id.equals(doc.path("_id").asText()) && text.equals(doc.path("msg").asText())
                    && "created".equals(m.getStringProperty(JmsBridgeRoute.EVENT_PROPERTY));
        } catch (JMSException | java.io.IOException | RuntimeException e) {
            DEMO.error("Reading the queue {} failed", queue, e);
            return false;
        }
    }
}
