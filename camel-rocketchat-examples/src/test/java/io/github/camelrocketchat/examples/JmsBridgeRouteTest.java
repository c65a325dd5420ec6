package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Route 7, the JMS bridge, on an embedded Artemis broker and the Rocket.Chat test server. */
class JmsBridgeRouteTest extends ExampleTestSupport {

    private static final String OUT = "test.rocketchat.messages";
    private static final String IN = "test.rocketchat.send";
    private static JmsBroker broker;

    private final ObjectMapper json = new ObjectMapper();
    private final FailureWatch failures = new FailureWatch();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = JmsBroker.startEmbedded();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void roomWritable() {
        server().setReadOnly("demo", false);
    }

    @Override
    protected void moreProperties(Properties p) {
        p.setProperty("examples.jms.room", "demo");
        p.setProperty("examples.jms.out-queue", OUT);
        p.setProperty("examples.jms.in-queue", IN);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        context.getManagementStrategy().addEventNotifier(failures);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JmsBridgeRoute();
    }

    @Test
    void theEmbeddedBrokerListensOnLoopbackOnly() {
        assertThat(broker.url()).matches("tcp://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        assertThat(broker.isEmbedded()).isTrue();
    }

    @Test
    void eachMessageEventGoesToTheOutQueueAsJsonCorrelatedByTheMessageId() throws Exception {
        String id = server().as("bob").send("demo", "Ticket 4711 is fixed");
        server().as("bob").edit(id, "Ticket 4711 is fixed and deployed");

        try (JMSContext jms = broker.connectionFactory().createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(OUT), "JMSCorrelationID = '" + id + "'")) {
            Message created = consumer.receive(WAIT.toMillis());
            assertThat(created).as("the created event on " + OUT).isInstanceOf(TextMessage.class);
            assertThat(created.getJMSCorrelationID()).isEqualTo(id);
            assertThat(created.getStringProperty(JmsBridgeRoute.EVENT_PROPERTY)).isEqualTo("created");
            // the bridge's own headers only: the component's Camel headers stay inside Camel
            assertThat(Collections.list(created.getPropertyNames())).noneMatch(n -> n.toString().startsWith("Camel"));
            JsonNode doc = json.readTree(((TextMessage) created).getText());
            assertThat(doc.path("_id").asText()).isEqualTo(id);
            assertThat(doc.path("rid").asText()).isEqualTo(server().roomId("demo"));
            assertThat(doc.path("msg").asText()).isEqualTo("Ticket 4711 is fixed");
            assertThat(doc.path("u").path("username").asText()).isEqualTo("bob");
            assertThat(doc.path("ts").asText()).isNotEmpty();

            Message edited = consumer.receive(WAIT.toMillis());
            assertThat(edited).as("the edited event on " + OUT).isInstanceOf(TextMessage.class);
            assertThat(edited.getJMSCorrelationID()).isEqualTo(id);
            assertThat(edited.getStringProperty(JmsBridgeRoute.EVENT_PROPERTY)).isEqualTo("edited");
            assertThat(json.readTree(((TextMessage) edited).getText()).path("msg").asText())
                    .isEqualTo("Ticket 4711 is fixed and deployed");
        }
    }

    @Test
    void aTextOnTheInQueueIsPostedToTheRoomWithAnIdFromItsJmsMessageId() throws Exception {
        String jmsId = put("Build 1.2.3 is deployed").get(0);

        var posted = see("the bot's post", byBotIn("demo").and(s -> s.message().text().equals("Build 1.2.3 is deployed")));
        assertThat(posted.message().id()).isEqualTo(JmsChatMessage.idFor(jmsId));
        await().atMost(WAIT).until(() -> broker.messageCount(IN) == 0);
        assertThat(server().messageTexts("demo")).containsOnlyOnce("Build 1.2.3 is deployed");
    }

    @Test
    void messagesPutWhileTheRouteIsStoppedAreAllPostedInOrderOnceItStartsAgain() throws Exception {
        context.getRouteController().stopRoute("jms-to-chat");
        List<String> texts = IntStream.rangeClosed(1, 5).mapToObj(i -> "queued while stopped " + i).toList();
        put(texts.toArray(String[]::new));

        // they wait on the queue, nothing is posted
        assertThat(broker.messageCount(IN)).isEqualTo(5);
        assertThat(server().messageTexts("demo")).doesNotContainAnyElementsOf(texts);

        context.getRouteController().startRoute("jms-to-chat");
        await().atMost(WAIT).until(() -> posted(texts).size() == texts.size());
        assertThat(posted(texts)).containsExactlyElementsOf(texts);
        await().atMost(WAIT).until(() -> broker.messageCount(IN) == 0);
        assertThat(server().messageTexts("demo")).containsSubsequence(texts);
    }

    @Test
    void aPostTheRoomRefusesStaysOnTheQueueAndIsPostedOnceTheRoomTakesIt() throws Exception {
        server().setReadOnly("demo", true);
        put("posted after a refusal");

        // the transaction rolls back: the broker keeps the message and delivers it again
        await().atMost(WAIT).until(() -> !failures.failures().isEmpty());
        assertThat(broker.messageCount(IN)).isEqualTo(1);
        server().setReadOnly("demo", false);

        see("the post after the redelivery", byBotIn("demo").and(s -> s.message().text().equals("posted after a refusal")));
        await().atMost(WAIT).until(() -> broker.messageCount(IN) == 0);
        assertThat(server().messageTexts("demo")).containsOnlyOnce("posted after a refusal");
    }

    /** Puts text messages on the in queue as a back-end system would; returns their JMS message ids. */
    private List<String> put(String... texts) throws Exception {
        try (JMSContext jms = broker.connectionFactory().createContext()) {
            var producer = jms.createProducer();
            var queue = jms.createQueue(IN);
            List<String> ids = new java.util.ArrayList<>();
            for (String text : texts) {
                TextMessage m = jms.createTextMessage(text);
                producer.send(queue, m);
                ids.add(m.getJMSMessageID());
            }
            return ids;
        }
    }

    /** What alice saw the bot post of {@code texts}, in the order she saw it. */
    private List<String> posted(List<String> texts) {
        return seen.all().stream().filter(byBotIn("demo")).map(s -> s.message().text()).filter(texts::contains).toList();
    }
}
