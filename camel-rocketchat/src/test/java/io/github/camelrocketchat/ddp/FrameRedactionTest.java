package io.github.camelrocketchat.ddp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.support.ClientHarness;
import io.github.camelrocketchat.ddp.support.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * The frame trace masks what is secret by what the call is, not only by key: a personal access token that comes
 * back as a bare string, the TOTP secret and otpauth URL of {@code 2fa:enable}, 2FA codes and backup codes, and the
 * end-to-end encryption keys (in method params, results and stream events). Other results stay readable.
 */
class FrameRedactionTest {
    private static final String PAT = "PAT-SECRET-f1Vb43charsxxxxxxxxxxxxxxxxxxxxx";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPSECRET";
    private static final String BACKUP = "backup-SECRET-1";
    private static final String PRIVATE_KEY = "PRIVATE-KEY-SECRET";
    private static final String ROOM_KEY = "ROOM-KEY-SECRET";

    @Test
    void sensitiveCallsAreMaskedAsAWholeAndOtherResultsAreNot() {
        try (LogCapture logs = new LogCapture(); ClientHarness h = new ClientHarness()) {
            h.connect();
            CompletableFuture<Object> pat = h.client.call("personalAccessTokens:generateToken",
                    List.of(Map.of("tokenName", "camel", "bypassTwoFactor", true)));
            h.expectSent("{'msg':'method','id':'1','method':'personalAccessTokens:generateToken','params':'*'}");
            h.serverSends("{'msg':'result','id':'1','result':'" + PAT + "'}");
            assertThat(pat).isCompletedWithValue(PAT);

            CompletableFuture<Object> room = h.client.call("getRoomIdByNameOrId", List.of("general"));
            h.expectSent("{'msg':'method','id':'2','method':'getRoomIdByNameOrId','params':['general']}");
            h.serverSends("{'msg':'result','id':'2','result':'GENERAL'}");
            assertThat(room).isCompletedWithValue("GENERAL");

            h.client.call("2fa:enable", List.of());
            h.expectSent("{'msg':'method','id':'3','method':'2fa:enable','params':[]}");
            h.serverSends("{'msg':'result','id':'3','result':{'secret':'" + TOTP_SECRET + "','url':'otpauth://totp/Rocket.Chat:bot"
                    + "?secret=" + TOTP_SECRET + "&issuer=Rocket.Chat'}}");
            h.client.call("2fa:validateTempToken", List.of("913577"));
            h.expectSent("{'msg':'method','id':'4','method':'2fa:validateTempToken','params':['913577']}");
            h.serverSends("{'msg':'result','id':'4','result':{'codes':['" + BACKUP + "']}}");
            h.client.call("2fa:disable", List.of("913578"));
            h.expectSent("{'msg':'method','id':'5','method':'2fa:disable','params':['913578']}");
            h.serverSends("{'msg':'result','id':'5','error':{'error':'invalid-totp','reason':'Invalid TOTP provided.',"
                    + "'message':'Invalid TOTP provided. [invalid-totp]','errorType':'Meteor.Error'}}");

            h.client.call("e2e.setUserPublicAndPrivateKeys", List.of(Map.of("public_key", "{\"kty\":\"RSA\"}",
                    "private_key", PRIVATE_KEY)));
            h.expectSent("{'msg':'method','id':'6','method':'e2e.setUserPublicAndPrivateKeys','params':'*'}");
            h.serverSends("{'msg':'result','id':'6'}");
            h.client.call("e2e.fetchMyKeys", List.of());
            h.expectSent("{'msg':'method','id':'7','method':'e2e.fetchMyKeys','params':[]}");
            h.serverSends("{'msg':'result','id':'7','result':{'public_key':'pub','private_key':'" + PRIVATE_KEY + "'}}");
            h.client.call("e2e.updateGroupKey", List.of("R1", "u2", ROOM_KEY));
            h.expectSent("{'msg':'method','id':'8','method':'e2e.updateGroupKey','params':['R1','u2','" + ROOM_KEY + "']}");
            h.serverSends("{'msg':'result','id':'8'}");
            h.serverSends("{'msg':'changed','collection':'stream-notify-user','id':'id','fields':{'eventName':'u1/subscriptions-changed',"
                    + "'args':['updated',{'_id':'s1','rid':'R1','E2EKey':'" + ROOM_KEY + "','E2ESuggestedKey':'" + ROOM_KEY + "'}]}}");

            List<String> trace = logs.at(Level.TRACE);
            String all = String.join("\n", trace);
            assertThat(all).doesNotContain(PAT).doesNotContain(TOTP_SECRET).doesNotContain("otpauth").doesNotContain(BACKUP)
                    .doesNotContain("913577").doesNotContain("913578").doesNotContain(PRIVATE_KEY).doesNotContain(ROOM_KEY);
            assertThat(all).contains("personalAccessTokens:generateToken", "\"result\":\"GENERAL\"", "\"params\":[\"general\"]",
                    "invalid-totp", "subscriptions-changed", "\"rid\":\"R1\"");
            assertThat(trace).anySatisfy(l -> assertThat(l).contains("\"id\":\"1\"", "\"result\":\"******\""));
        }
    }
}
