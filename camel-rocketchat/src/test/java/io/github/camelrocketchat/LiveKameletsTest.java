package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kamelets this jar ships ({@code kamelets/} on the classpath), each run from a YAML route with nothing but the
 * component and camel-kamelet: the source's JSON body and CloudEvents headers, and the sink reading {@code ce-threadid}.
 */
class LiveKameletsTest extends LiveTestSupport {
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
        server.createChannel("alerts", "bob", "bot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    private void yaml(String routes) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kamelet-routes.yaml", routes));
    }

    private String credentials() {
        return "          serverUrl: \"" + server().url() + "\"\n"
                + "          username: bot\n"
                + "          password: bot-pass\n";
    }

    @Test
    void theSourceDeliversJsonWithCloudEventsHeaders() throws Exception {
        yaml("- route:\n"
                + "    id: from-source\n"
                + "    from:\n"
                + "      uri: \"kamelet:rocketchat-source\"\n"
                + "      parameters:\n"
                + credentials().replace("          ", "        ")
                + "        room: ops\n"
                + "      steps:\n"
                + "        - to: mock:source\n");
        MockEndpoint mock = getMockEndpoint("mock:source");
        mock.expectedMessageCount(2);
        String parent = server().as("bob").send("ops", "hello Kamelet");
        String reply = server().as("bob").replyInThread("ops", parent, "in the thread", false);
        mock.assertIsSatisfied(WAIT.toMillis());

        Exchange first = mock.getReceivedExchanges().get(0);
        JsonNode doc = new ObjectMapper().readTree(first.getMessage().getBody(String.class));
        assertThat(doc.get("_id").asText()).isEqualTo(parent);
        assertThat(doc.get("msg").asText()).isEqualTo("hello Kamelet");
        Map<String, Object> h = first.getMessage().getHeaders();
        assertThat(h).containsEntry("Content-Type", "application/json").containsEntry("ce-id", parent)
                .containsEntry("ce-type", "io.github.camelrocketchat.message.created")
                .containsEntry("ce-source", server().url()).containsEntry("ce-subject", server().roomId("ops"))
                .doesNotContainKey("ce-threadid");
        assertThat((String) h.get("ce-time")).contains("T");
        Exchange second = mock.getReceivedExchanges().get(1);
        assertThat(second.getMessage().getHeaders()).containsEntry("ce-id", reply).containsEntry("ce-threadid", parent);
    }

    @Test
    void theSinkPostsTheBodyAndRepliesInTheThreadNamedByCeThreadid() throws Exception {
        yaml("- route:\n"
                + "    id: to-sink\n"
                + "    from:\n"
                + "      uri: direct:sink\n"
                + "      steps:\n"
                + "        - to:\n"
                + "            uri: \"kamelet:rocketchat-sink\"\n"
                + "            parameters:\n"
                + credentials().replace("          ", "              ")
                + "              room: alerts\n"
                + "              alias: Kamelet\n");
        template.sendBody("direct:sink", "posted through the sink");
        String parent = server().as("bob").send("alerts", "thread parent");
        Exchange replied = template.request("direct:sink", e -> {
            e.getMessage().setBody("a reply");
            e.getMessage().setHeader("ce-threadid", parent);
        });
        assertThat(replied.getException()).isNull();
        assertThat(replied.getMessage().getBody(io.github.camelrocketchat.model.ChatMessage.class).threadId()).isEqualTo(parent);
        await().atMost(WAIT).until(() -> server().messageTexts("alerts").size() == 3);
        assertThat(server().messageTexts("alerts")).containsExactly("posted through the sink", "thread parent", "a reply");
    }
}
