package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrocketchat.ddp.support.LogCapture;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestUser;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bot accounts with two-factor authentication against the test server: a TOTP bot logs in at start and again, with a
 * fresh code, after a restart that found its resume token expired, and after an admin revoked its token mid-session
 * (a REST call answered 401 is repeated after the re-login); an e-mail 2FA bot fails the start saying what to
 * change. Plus the publication params that stay out of the INFO log.
 */
class LiveTwoFactorTest extends LiveTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOTP_PASSWORD = "Totp-Pa55word";
    private static final String MAIL_PASSWORD = "Mail-Pa55word";
    private static final String FAST_RECONNECT = "&reconnectInitialDelay=20&reconnectMaxDelay=200&connectTimeout=3000";

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();
    private static TestUser totpBot;
    private static String secret;

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        totpBot = server.addUserWithTotp("totpbot", TOTP_PASSWORD);
        secret = server.totpSecret("totpbot");
        server.addUser("mailbot", MAIL_PASSWORD);
        server.setEmail("mailbot", "mailbot@example.com", true);
        server.enableEmailTwoFactor("mailbot");
        server.addUser("bob", "bob-pass");
        server.createChannel("ops", "bob", "totpbot", "mailbot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @BeforeEach
    void noConnectionLeftFromEarlierTests() {
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
        server().frames().clear();
    }

    private String totpBot() {
        return as("totpbot", TOTP_PASSWORD) + "&totpSecret=" + secret + FAST_RECONNECT;
    }

    /** The shapes of the login calls the server received since the last clear: resume, user (password) or totp. */
    private List<String> loginShapes() {
        return server().frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> "login".equals(f.json().path("method").asText()))
                .map(f -> f.json().path("params").path(0).fieldNames().next()).toList();
    }

    private List<JsonNode> totpLogins() {
        return server().frames().withMsg(RecordedFrame.Direction.IN, "method").stream()
                .filter(f -> "login".equals(f.json().path("method").asText()) && f.json().path("params").path(0).has("totp"))
                .map(f -> f.json().path("params").path(0).path("totp")).toList();
    }

    @Test
    void aTotpBotLogsInAtStartAndWithAFreshCodeAfterARestartFoundItsTokenExpired() throws Exception {
        routes(b -> b.from("rocketchat:stream-room-messages?" + totpBot() + "&roomName=ops").routeId("totp").to("mock:ops"));
        assertThat(loginShapes()).containsExactly("user", "totp");
        assertThat(totpLogins()).singleElement().satisfies(t -> assertThat(t.path("code").asText()).matches("\\d{6}"));
        MockEndpoint ops = getMockEndpoint("mock:ops");
        ops.expectedBodiesReceived("before the restart", "after the restart");
        server().as("bob").send("ops", "before the restart");
        await().atMost(WAIT).until(() -> ops.getReceivedCounter() == 1);

        server().frames().clear();
        server().expireLoginTokens("totpbot");
        server().restart();
        await().atMost(WAIT).until(() -> server().loggedInUserIds().contains(totpBot.id()));
        // the resume token of the last login is refused (expired): the credentials, with a TOTP code, again
        assertThat(loginShapes()).containsExactly("resume", "user", "totp");
        assertThat(server().frames().withMsg(RecordedFrame.Direction.OUT, "result").stream()
                .map(f -> f.json().path("error").path("reason").asText()))
                .contains("Your session has expired. Please log in again.", "TOTP Required");
        server().as("bob").send("ops", "after the restart");
        ops.assertIsSatisfied(WAIT.toMillis());
    }

    @Test
    void aRevokedTokenIsRenewedWithTotpAndTheRestCallRepeated() throws Exception {
        routes(b -> {
            b.from("direct:send").to("rocketchat:sendMessage?" + totpBot() + "&roomName=ops");
            b.from("direct:delete").to("rocketchat:deleteMessage?" + totpBot() + "&roomName=ops");
        });
        Exchange sent = call("direct:send", "to be deleted over REST");
        assertThat(sent.getException()).isNull();
        String id = sent.getMessage().getHeader(RocketChatConstants.MESSAGE_ID, String.class);
        int connections = server().totalConnections();
        server().frames().clear();

        server().forceLogout("totpbot"); // every resume token gone; the test server leaves the socket logged in
        try (LogCapture logs = new LogCapture()) {
            Exchange deleted = call("direct:delete", id); // REST chat.delete on Rocket.Chat 8: 401, re-login, again
            assertThat(deleted.getException()).isNull();
            assertThat(logs.at(Level.INFO)).anySatisfy(l -> assertThat(l).contains("renewing the login token (the server rejected it)"));
            assertThat(logs.all()).doesNotContain(TOTP_PASSWORD).doesNotContain(secret);
        }
        assertThat(server().messageText(id)).isNull();
        assertThat(loginShapes()).containsExactly("user", "totp");
        assertThat(server().totalConnections()).as("renewed on the live socket, no reconnect").isEqualTo(connections);
    }

    @Test
    void anEmailTwoFactorBotFailsTheStartSayingWhatToConfigure() {
        assertThatThrownBy(() -> routes(b -> b.from("rocketchat:stream-room-messages?" + as("mailbot", MAIL_PASSWORD)
                + "&roomName=ops").routeId("mail").to("mock:never")))
                .hasStackTraceContaining("RocketChatNotAuthorizedException")
                .hasStackTraceContaining("a two-factor code it sent by e-mail")
                .hasStackTraceContaining("Accounts_TwoFactorAuthentication_By_Email_Enabled")
                .hasStackTraceContaining("totpSecret")
                .hasStackTraceContaining("personal access token (authToken and userId)")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(MAIL_PASSWORD));
        assertThat(server().emailCode("mailbot")).as("the server mailed a code").isNotNull();
        assertThat(loginShapes()).as("no code was sent for it").containsExactly("user");
    }

    @Test
    void publicationParamsStayOutOfTheInfoLog() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            routes(b -> b.from("rocketchat:meteor.loginServiceConfiguration?" + as("bob", "bob-pass")
                    + "&params=RAW([\"visitor-token-SECRET\"])&collection=users").routeId("pub").to("mock:pub"));
            assertThat(logs.at(Level.INFO)).anySatisfy(l -> assertThat(l).contains("Subscribed to meteor.loginServiceConfiguration with 1 param(s)"));
            context.getRouteController().stopRoute("pub");
            assertThat(String.join("\n", logs.at(Level.INFO)) + String.join("\n", logs.at(Level.WARN))
                    + String.join("\n", logs.at(Level.ERROR))).doesNotContain("visitor-token-SECRET");
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
