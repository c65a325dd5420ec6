package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.DumpRoutesStrategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logins against the test server: password, resume token, personal access token with user id (REST calls use
 * them), a wrong password failing the start clearly; secrets never in toString, the route dump or the logs.
 */
class LiveLoginTest extends LiveTestSupport {
    private static final String PASSWORD = "s3cret-Pa55word";

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();
    private static TestUser bot;

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        bot = server.addUser("bot", PASSWORD, "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "bot");
        server.setRoomRole("ops", "bot", "moderator");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    /** A session of an earlier test may still be closing (a token login is not logged out): count only this test's. */
    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        await().atMost(Duration.ofSeconds(10)).until(() -> server().connectionCount() == 0);
    }

    @Test
    void aResumeTokenLogsIn() throws Exception {
        String token = bot.newLoginToken();
        String conn = "serverUrl=" + server().url() + "&authToken=" + token;
        routes(b -> {
            b.from("rocketchat:stream-room-messages?" + conn + "&roomName=ops").to("mock:ops");
            b.from("direct:typing").to("rocketchat:stream-notify-room?" + conn + "&roomName=ops");
        });
        assertThat(server().loggedInUserIds()).containsExactly(bot.id());
        getMockEndpoint("mock:ops").expectedBodiesReceived("seen by a token login");
        server().as("bob").send("ops", "seen by a token login");
        getMockEndpoint("mock:ops").assertIsSatisfied(10_000);
        // typing carries the username, learnt from the users document the server publishes after a token login
        template.sendBody("direct:typing", true);
        assertThat(server().frames().withMsg(io.github.camelrocketchat.testserver.RecordedFrame.Direction.IN, "method"))
                .filteredOn(f -> "stream-notify-room".equals(f.json().path("method").asText()))
                .extracting(f -> f.json().path("params").path(1).asText()).containsExactly("bot");
    }

    @Test
    void aPersonalAccessTokenWithUserIdLogsInAndCallsRest() {
        String pat = bot.newPersonalAccessToken("camel");
        String conn = "serverUrl=" + server().url() + "&authToken=" + pat + "&userId=" + bot.id();
        String id = server().as("bot").send("ops", "to delete over REST");
        // deleteMessage goes over REST chat.delete on Rocket.Chat 8, with the token's user id and token
        Exchange delete = call("rocketchat:deleteMessage?" + conn + "&roomName=ops", id);
        assertThat(delete.getException()).isNull();
        assertThat(server().messageText(id)).isNull();
        Exchange sent = call("rocketchat:sendMessage?" + conn + "&roomName=ops", "hello with a PAT");
        assertThat(sent.getMessage().getBody(ChatMessage.class).author().username()).isEqualTo("bot");
    }

    @Test
    void aWrongPasswordFailsTheStartClearlyWithoutTheSecret() {
        String wrong = "Wr0ng-Passw0rd";
        assertThatThrownBy(() -> routes(b -> b.from("rocketchat:stream-room-messages?serverUrl=" + server().url()
                + "&username=bot&password=" + wrong + "&roomId=GENERAL").routeId("wrong").to("mock:never")))
                .hasStackTraceContaining("bot@")
                .hasStackTraceContaining("403")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(wrong));
        // the refused socket may still be open (not logged in: a null user) until its close reaches the server
        assertThat(server().loggedInUserIds()).as("users logged in on the server's open connections")
                .allMatch(java.util.Objects::isNull);
    }

    @Test
    void secretsInTheUriStayOutOfToStringAndOurLogs() throws Exception {
        String token = bot.newLoginToken();
        try (LogCapture ours = new LogCapture()) {
            routes(b -> {
                b.from("rocketchat:stream-room-messages?serverUrl=" + server().url() + "&username=bot&password=" + PASSWORD
                        + "&roomName=ops").routeId("password").to("mock:password");
                b.from("rocketchat:stream-room-messages?serverUrl=" + server().url() + "&authToken=" + token
                        + "&roomName=ops").routeId("token").to("mock:token");
            });
            getMockEndpoint("mock:password").expectedMessageCount(1);
            getMockEndpoint("mock:token").expectedMessageCount(1);
            server().as("bob").send("ops", "hi");
            MockEndpoint.assertIsSatisfied(context);
            List<String> texts = new ArrayList<>();
            for (Endpoint e : context.getEndpoints()) {
                texts.add(e.toString());
                if (e instanceof RocketChatEndpoint r) {
                    texts.add(r.getConfiguration().toString());
                    texts.add(String.valueOf(r.getServiceMetadata()));
                    texts.add(r.getServiceUrl());
                }
            }
            context.getRouteController().stopRoute("password");
            context.getRouteController().stopRoute("token");
            assertThat(ours.all()).contains("Subscribed to stream-room-messages", "closed");
            texts.add(ours.all());
            assertNoSecret(String.join("\n", texts), token);
        }
    }

    @Test
    void secretsOnTheComponentStayOutOfTheRouteDumpAndEveryLog() throws Exception {
        String token = bot.newLoginToken();
        RocketChatComponent component = context.getComponent("rocketchat", RocketChatComponent.class);
        component.getConfiguration().setServerUrl(server().url());
        component.getConfiguration().setUsername("bot");
        component.getConfiguration().setPassword(PASSWORD);
        try (LogCapture ours = new LogCapture(); LogCapture camel = new LogCapture("org.apache.camel")) {
            routes(b -> {
                b.from("rocketchat:stream-room-messages?roomName=ops").routeId("component").to("mock:component");
                b.from("direct:send").routeId("send").to("rocketchat:sendMessage?roomName=ops");
            });
            getMockEndpoint("mock:component").expectedBodiesReceived("hi");
            server().as("bob").send("ops", "hi");
            MockEndpoint.assertIsSatisfied(context);
            template.sendBody("direct:send", "answer");

            DumpRoutesStrategy dumper = context.getCamelContextExtension().getContextPlugin(DumpRoutesStrategy.class);
            dumper.setLog(true);
            dumper.dumpRoutes("xml");
            context.getRouteController().stopRoute("component");
            context.getRouteController().stopRoute("send");
            assertThat(camel.all()).contains("rocketchat:stream-room-messages?roomName=ops"); // the dump was captured
            assertNoSecret(ours.all() + "\n" + camel.all() + "\n" + component.getConfiguration(), token);
        }
    }

    private static void assertNoSecret(String text, String token) {
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(token).doesNotContain(TestUser.digest(PASSWORD));
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
