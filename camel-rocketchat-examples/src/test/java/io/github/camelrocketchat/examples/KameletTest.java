package io.github.camelrocketchat.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kamelets the component jar ships (kamelets/ on the classpath), loaded by camel-kamelet and run against the test server. */
class KameletTest extends ExampleTestSupport {

    @Override
    protected void moreProperties(Properties p) {
        // Kamelet parameters from properties (camel.kamelet.<name>.<parameter>): secrets stay out of the URIs
        p.setProperty("camel.kamelet.rocketchat-source.serverUrl", server().url());
        p.setProperty("camel.kamelet.rocketchat-source.username", "alice");
        p.setProperty("camel.kamelet.rocketchat-source.password", "alice-pass");
        p.setProperty("camel.kamelet.rocketchat-sink.serverUrl", server().url());
        p.setProperty("camel.kamelet.rocketchat-sink.username", BOT);
        p.setProperty("camel.kamelet.rocketchat-sink.password", EmbeddedRocketChat.BOT_PASSWORD);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:rocketchat-source?room=demo").routeId("from-kamelet").to("mock:messages");
                from("direct:post").routeId("to-kamelet").to("kamelet:rocketchat-sink?room=ops&alias=Kamelet");
            }
        };
    }

    @Test
    void sourceDeliversTheRoomsMessagesAsJson() throws Exception {
        MockEndpoint messages = getMockEndpoint("mock:messages");
        messages.expectedMessageCount(1);
        messages.expectedHeaderReceived("CamelRocketChatMessageEvent", "created");
        messages.expectedHeaderReceived("Content-Type", "application/json");

        String id = server().as("bob").send("demo", "hello Kamelet");

        messages.assertIsSatisfied(WAIT.toMillis());
        Exchange e = messages.getReceivedExchanges().get(0);
        JsonNode doc = new ObjectMapper().readTree(e.getMessage().getBody(String.class));
        assertThat(doc.get("_id").asText()).isEqualTo(id);
        assertThat(doc.get("msg").asText()).isEqualTo("hello Kamelet");
        assertThat(doc.path("u").get("username").asText()).isEqualTo("bob");
    }

    @Test
    void sinkPostsTheBody() throws Exception {
        template.sendBody("direct:post", "posted through the sink Kamelet");

        var posted = see("the Kamelet's message in #ops", byBotIn("ops"));
        assertThat(posted.message().text()).isEqualTo("posted through the sink Kamelet");
        assertThat(posted.message().alias()).isEqualTo("Kamelet");
    }

    @Test
    void sinkPostsIntoAThreadFromTheCloudEventsHeader() throws Exception {
        String parent = server().as("bob").send("ops", "thread parent");
        template.sendBodyAndHeader("direct:post", "in the thread", "ce-threadid", parent);

        var posted = see("the Kamelet's reply", byBotIn("ops").and(s -> s.message().text().equals("in the thread")));
        assertThat(posted.message().threadId()).isEqualTo(parent);
    }
}
