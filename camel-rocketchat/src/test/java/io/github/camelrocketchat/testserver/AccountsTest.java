package io.github.camelrocketchat.testserver;

import static io.github.camelrocketchat.testserver.FrameAssert.assertFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/** Login variants and their errors (reference B). */
class AccountsTest extends ServerTestSupport {

    private static final String AMBIGUOUS = "{\"msg\":\"result\",\"id\":\"*\",\"error\":{\"isClientSafe\":true,\"error\":403,"
            + "\"reason\":\"Something went wrong. Please check your credentials.\",\"message\":"
            + "\"Something went wrong. Please check your credentials. [403]\",\"errorType\":\"Meteor.Error\"}}";

    @Test
    void passwordDigestAndPlainPasswordBothWork() {
        RawDdpClient c = client();
        JsonNode r = c.login("alice", "pw-alice");
        assertThat(r.path("result").path("type").asText()).isEqualTo("password");
        assertThat(r.path("result").path("token").asText()).hasSize(43);
        RawDdpClient c2 = client();
        JsonNode plain = c2.result("1", "login", obj("{\"user\":{\"username\":\"alice\"},\"password\":\"pw-alice\"}"));
        assertThat(plain.path("result").path("id").asText()).isEqualTo(server.userId("alice"));
    }

    @Test
    void loginByEmailAndIdAndCaseInsensitiveUsername() {
        RawDdpClient c = client();
        String id = server.userId("bob");
        assertThat(c.result("1", "login", obj("{\"user\":{\"id\":\"" + id + "\"},\"password\":\"pw-bob\"}"))
                .path("result").path("id").asText()).isEqualTo(id);
        assertThat(c.result("2", "login", obj("{\"user\":{\"username\":\"BOB\"},\"password\":\"pw-bob\"}"))
                .path("result").path("id").asText()).isEqualTo(id);
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheAmbiguous403() {
        RawDdpClient c = client();
        assertFrame(AMBIGUOUS, c.login("alice", "wrong"));
        assertFrame(AMBIGUOUS, c.login("nobody", "x"));
    }

    @Test
    void badShapesAreMatchFailedOrUnrecognized() {
        RawDdpClient c = client();
        assertThat(reason(c.result("1", "login", obj("{\"user\":{\"username\":\"alice\",\"email\":\"a@b\"},\"password\":\"x\"}"))))
                .isEqualTo("Match failed");
        assertThat(reason(c.result("2", "login", obj("{\"user\":{\"username\":\"alice\"},\"password\":"
                + "{\"digest\":\"abc\",\"algorithm\":\"sha-256\"}}")))).isEqualTo("Match failed");
        assertThat(reason(c.result("3", "login", obj("{\"user\":{\"username\":\"alice\"},\"password\":\"x\",\"extra\":1}"))))
                .isEqualTo("Match failed");
        JsonNode unrecognized = c.result("4", "login", obj("{\"user\":{\"username\":\"alice\"}}"));
        assertThat(unrecognized.path("error").path("error").asInt()).isEqualTo(400);
        assertThat(reason(unrecognized)).isEqualTo("Unrecognized options for login request");
    }

    @Test
    void resumeTokensWorkUntilTheyExpireAfter90Days() {
        String token = server.createLoginToken("alice");
        RawDdpClient c = client();
        JsonNode ok = c.result("1", "login", obj("{\"resume\":\"" + token + "\"}"));
        assertThat(ok.path("result").path("type").asText()).isEqualTo("resume");
        assertThat(ok.path("result").path("token").asText()).isEqualTo(token);
        assertThat(ok.path("result").path("tokenExpires").path("$date").asLong())
                .isEqualTo(clock.millis() + Duration.ofDays(90).toMillis());
        clock.advance(Duration.ofDays(90));
        assertThat(reason(c.result("2", "login", obj("{\"resume\":\"" + token + "\"}"))))
                .isEqualTo("Your session has expired. Please log in again.");
        assertThat(reason(c.result("3", "login", obj("{\"resume\":\"unknown\"}"))))
                .isEqualTo("You've been logged out by the server. Please log in again.");
    }

    @Test
    void personalAccessTokenWorksAsResumeAndNeverExpires() {
        String pat = server.createPersonalAccessToken("bob", "ci");
        clock.advance(Duration.ofDays(400));
        JsonNode r = client().result("1", "login", obj("{\"resume\":\"" + pat + "\"}"));
        assertThat(r.path("result").path("id").asText()).isEqualTo(server.userId("bob"));
        assertThat(r.path("result").path("tokenExpires").has("$date")).isTrue();
    }

    @Test
    void totpRequiredThenInvalidThenWrapperLogin() {
        TestUser carol = server.addUserWithTotp("carol", "pw-carol");
        RawDdpClient c = client();
        assertFrame("{\"msg\":\"result\",\"id\":\"*\",\"error\":{\"isClientSafe\":true,\"error\":\"totp-required\","
                + "\"reason\":\"TOTP Required\",\"details\":{\"method\":\"totp\",\"availableMethods\":[\"totp\"]},"
                + "\"message\":\"TOTP Required [totp-required]\",\"errorType\":\"Meteor.Error\"}}", c.login("carol", "pw-carol"));
        ObjectNode inner = (ObjectNode) obj("{\"user\":{\"username\":\"carol\"},\"password\":{\"digest\":\""
                + TestUser.digest("pw-carol") + "\",\"algorithm\":\"sha-256\"}}");
        ObjectNode wrong = Json.obj();
        wrong.putObject("totp").put("code", "000000").set("login", inner);
        assertFrame("{\"msg\":\"result\",\"id\":\"w\",\"error\":{\"isClientSafe\":true,\"error\":\"totp-invalid\","
                + "\"reason\":\"TOTP Invalid\",\"details\":{\"method\":\"totp\"},\"message\":\"TOTP Invalid [totp-invalid]\","
                + "\"errorType\":\"Meteor.Error\"}}", c.result("w", "login", wrong));
        ObjectNode right = Json.obj();
        right.putObject("totp").put("code", carol.currentTotpCode()).set("login", inner);
        JsonNode ok = c.result("r", "login", right);
        assertThat(ok.path("result").path("type").asText()).isEqualTo("password");
        String token = ok.path("result").path("token").asText();
        assertThat(client().result("x", "login", obj("{\"resume\":\"" + token + "\"}")).has("result")).isTrue();
    }

    @Test
    void emailTwoFactorAppliesToAVerifiedAddressAndTakesTheMailedCode() {
        server.addUser("erin", "pw-erin");
        server.enableEmailTwoFactor("erin");
        RawDdpClient c = client();
        assertThat(c.login("erin", "pw-erin").has("result")).as("no verified address: no e-mail 2FA").isTrue();
        server.setEmail("erin", "erin@example.com", true);
        assertFrame("{\"msg\":\"result\",\"id\":\"*\",\"error\":{\"isClientSafe\":true,\"error\":\"totp-required\","
                + "\"reason\":\"TOTP Required\",\"details\":{\"method\":\"email\",\"codeGenerated\":true,"
                + "\"emailOrUsername\":\"erin@example.com\",\"availableMethods\":[\"email\"]},"
                + "\"message\":\"TOTP Required [totp-required]\",\"errorType\":\"Meteor.Error\"}}", c.login("erin", "pw-erin"));
        String mailed = server.emailCode("erin");
        assertThat(mailed).matches("\\d{6}");
        ObjectNode inner = (ObjectNode) obj("{\"user\":{\"username\":\"erin\"},\"password\":{\"digest\":\""
                + TestUser.digest("pw-erin") + "\",\"algorithm\":\"sha-256\"}}");
        ObjectNode wrong = Json.obj();
        wrong.putObject("totp").put("code", mailed.equals("000000") ? "111111" : "000000").set("login", inner.deepCopy());
        assertThat(c.result("w", "login", wrong).path("error").path("error").asText()).isEqualTo("totp-invalid");
        ObjectNode right = Json.obj();
        right.putObject("totp").put("code", mailed).set("login", inner);
        assertThat(c.result("r", "login", right).path("result").path("type").asText()).isEqualTo("password");
    }

    @Test
    void repeatedFailuresBlockTheUser() {
        RawDdpClient c = client();
        for (int i = 0; i < 10; i++) {
            assertThat(reason(c.login("bob", "wrong"))).startsWith("Something went wrong");
        }
        JsonNode blocked = c.login("bob", "pw-bob");
        assertFrame("{\"msg\":\"result\",\"id\":\"*\",\"error\":{\"isClientSafe\":true,\"error\":\"error-login-blocked-for-user\","
                + "\"reason\":\"Login has been temporarily blocked For User\",\"details\":{\"function\":"
                + "\"Accounts.validateLoginAttempt\"},\"message\":\"Login has been temporarily blocked For User "
                + "[error-login-blocked-for-user]\",\"errorType\":\"Meteor.Error\"}}", blocked);
        clock.advance(Duration.ofMinutes(5));
        assertThat(c.login("bob", "pw-bob").has("result")).isTrue();
    }

    @Test
    void deactivatedUserCannotLogIn() {
        server.deactivateUser("bob");
        assertThat(error(client().login("bob", "pw-bob"))).isEqualTo("error-user-is-not-activated");
    }

    @Test
    void loginPublishesUsersDocAndReRunsSubsInOneReady() {
        RawDdpClient c = client();
        c.sub("a", "stream-notify-all", "public-settings-changed", RawDdpClient.streamOptions());
        c.sub("b", "stream-room-messages", "__my_messages__", RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("1", "login", obj("{\"user\":{\"username\":\"alice\"},\"password\":\"pw-alice\"}"));
        assertThat(frames).extracting(f -> f.get("msg").asText())
                .containsExactly("added", "ready", "updated", "result");
        assertFrame("{\"msg\":\"ready\",\"subs\":[\"a\",\"b\"]}", frames.get(1));
        assertThat(frames.get(0).path("collection").asText()).isEqualTo("users");
    }

    @Test
    void logoutDestroysTheTokenRemovesTheUserAndDeniesUserStreams() {
        RawDdpClient c = client();
        String token = c.login("alice", "pw-alice").path("result").path("token").asText();
        String uid = server.userId("alice");
        c.sync();
        c.sub("u", "stream-notify-user", uid + "/message", RawDdpClient.streamOptions());
        c.sub("r", "stream-room-messages", "GENERAL", RawDdpClient.streamOptions());
        c.sub("p", "stream-notify-all", "public-settings-changed", RawDdpClient.streamOptions());
        List<JsonNode> frames = c.call("2", "logout");
        assertFrame("{\"msg\":\"nosub\",\"id\":\"u\",\"error\":{\"isClientSafe\":true,\"error\":\"not-allowed\","
                + "\"message\":\"[not-allowed]\",\"errorType\":\"Meteor.Error\"}}", frames.get(0));
        assertThat(frames.get(1).get("msg").asText()).isEqualTo("nosub");
        assertFrame("{\"msg\":\"removed\",\"collection\":\"users\",\"id\":\"" + uid + "\"}", frames.get(2));
        assertFrame("{\"msg\":\"ready\",\"subs\":[\"p\"]}", frames.get(3));
        assertFrame("{\"msg\":\"updated\",\"methods\":[\"2\"]}", frames.get(4));
        assertFrame("{\"msg\":\"result\",\"id\":\"2\"}", frames.get(5));
        assertThat(reason(client().result("x", "login", obj("{\"resume\":\"" + token + "\"}"))))
                .startsWith("You've been logged out");
    }
}
