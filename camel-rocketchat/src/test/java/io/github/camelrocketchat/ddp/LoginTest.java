package io.github.camelrocketchat.ddp;

import static io.github.camelrocketchat.ddp.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.ddp.internal.Passwords;
import io.github.camelrocketchat.ddp.support.ClientHarness;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginTest {
    static final String DIGEST = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    static final String TOTP_REQUIRED = "{'isClientSafe':true,'error':'totp-required','reason':'TOTP Required',"
            + "'details':{'method':'totp','availableMethods':['totp','email']},'message':'TOTP Required [totp-required]',"
            + "'errorType':'Meteor.Error'}";
    static final String RESULT = "{'id':'aBcD1234efGh5678i','token':'f1VbTok','tokenExpires':{'$date':1739700000000},"
            + "'type':'password'}";

    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void connect() {
        h.connect();
    }

    @AfterEach
    void noLeftovers() {
        h.close();
    }

    @Test
    void digestIsLowerCaseHexSha256OfTheUtf8Password() {
        assertThat(Passwords.sha256Hex("password")).isEqualTo(DIGEST);
        // UTF-8, not ISO-8859-1 (value from sha256sum over the UTF-8 bytes)
        assertThat(Passwords.sha256Hex("p\u00e4ssw\u00f6rd"))
                .isEqualTo("46970bef70aced8123f0d5d094717e2a5cd412041e03b26376049fe65b2834a4");
    }

    @Test
    void passwordLoginByUsername() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "password"), null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':[{'user':{'username':'alice'},"
                + "'password':{'digest':'" + DIGEST + "','algorithm':'sha-256'}}]}");
        h.serverSends("{'msg':'added','collection':'users','id':'aBcD1234efGh5678i','fields':{'username':'alice'}}");
        h.serverSends("{'msg':'updated','methods':['1']}");
        h.serverSends("{'msg':'result','id':'1','result':" + RESULT + "}");
        assertThat(f.join()).isEqualTo(new LoginResult("aBcD1234efGh5678i", "f1VbTok",
                Instant.ofEpochMilli(1739700000000L), "password"));
    }

    @Test
    void passwordLoginByEmailWhenTheUserContainsAnAt() {
        h.client.login(LoginRequest.password("alice@example.com", "password"), null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':[{'user':{'email':'alice@example.com'},"
                + "'password':{'digest':'" + DIGEST + "','algorithm':'sha-256'}}]}");
    }

    @Test
    void resumeLogin() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.resume("f1VbTok"), null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':[{'resume':'f1VbTok'}]}");
        h.serverSends("{'msg':'result','id':'1','result':{'id':'u1','token':'f1VbTok','tokenExpires':{'$date':5},"
                + "'type':'resume'}}");
        assertThat(f.join().type()).isEqualTo("resume");
        assertThat(f.join().tokenExpires()).isEqualTo(Instant.ofEpochMilli(5));
    }

    @Test
    void totpRequiredRetriesOnceWithTheWrappedLoginAndTheCode() {
        AtomicInteger asked = new AtomicInteger();
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "password"), () -> {
            asked.incrementAndGet();
            return " 123456 ";
        });
        h.expectSent("{'msg':'method','id':'1','method':'login','params':[{'user':{'username':'alice'},"
                + "'password':{'digest':'" + DIGEST + "','algorithm':'sha-256'}}]}");
        h.serverSends("{'msg':'result','id':'1','error':" + TOTP_REQUIRED + "}");
        h.expectSent("{'msg':'method','id':'2','method':'login','params':[{'totp':{'login':{'user':{'username':'alice'},"
                + "'password':{'digest':'" + DIGEST + "','algorithm':'sha-256'}},'code':'123456'}}]}");
        h.serverSends("{'msg':'result','id':'2','result':" + RESULT + "}");
        assertThat(f.join().userId()).isEqualTo("aBcD1234efGh5678i");
        assertThat(asked).hasValue(1);
    }

    @Test
    void aWrongTotpCodeFailsWithoutAnotherRetry() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "password"), () -> "000000");
        h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
        h.serverSends("{'msg':'result','id':'1','error':" + TOTP_REQUIRED + "}");
        h.expectSent("{'msg':'method','id':'2','method':'login','params':'*'}");
        h.serverSends("{'msg':'result','id':'2','error':{'error':'totp-invalid','reason':'TOTP Invalid',"
                + "'details':{'method':'totp'}}}");
        assertThat(failure(f, DdpMethodException.class).getErrorCode()).isEqualTo("totp-invalid");
        h.expectNothingSent();
    }

    @Test
    void totpRequiredWithoutASupplierFails() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "password"), null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
        h.serverSends("{'msg':'result','id':'1','error':" + TOTP_REQUIRED + "}");
        DdpMethodException e = failure(f, DdpMethodException.class);
        assertThat(e.getErrorCode()).isEqualTo("totp-required");
        assertThat(e.getDetails()).containsKey("availableMethods");
    }

    /** Rocket.Chat's e-mail 2FA: the server mailed a code; a TOTP code would be refused, so none is sent. */
    @Test
    void anEmailChallengeFailsWithoutAskingTheSupplier() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "password"), () -> {
            asked.incrementAndGet();
            return "123456";
        });
        h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
        h.serverSends("{'msg':'result','id':'1','error':{'isClientSafe':true,'error':'totp-required','reason':'TOTP Required',"
                + "'details':{'method':'email','codeGenerated':true,'emailOrUsername':'alice'},"
                + "'message':'TOTP Required [totp-required]','errorType':'Meteor.Error'}}");
        DdpMethodException e = failure(f, DdpMethodException.class);
        assertThat(e.getErrorCode()).isEqualTo("totp-required");
        assertThat(e.getDetails()).containsEntry("method", "email");
        assertThat(asked).hasValue(0);
        h.expectNothingSent();
    }

    @Test
    void aSupplierWithoutACodeFailsClearly() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "password"), () -> null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
        h.serverSends("{'msg':'result','id':'1','error':" + TOTP_REQUIRED + "}");
        assertThat(failure(f, DdpException.class).getMessage()).contains("TOTP code");
        h.expectNothingSent();
    }

    @Test
    void wrongCredentialsFailWithTheServerError() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.password("alice", "nope"), null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':'*'}");
        h.serverSends("{'msg':'result','id':'1','error':{'isClientSafe':true,'error':403,"
                + "'reason':'Something went wrong. Please check your credentials.','errorType':'Meteor.Error'}}");
        DdpMethodException e = failure(f, DdpMethodException.class);
        assertThat(e.getError()).isEqualTo(403);
        assertThat(e.getMethod()).isEqualTo("login");
    }

    @Test
    void anUnexpectedLoginResultFailsNamingTheProblem() {
        CompletableFuture<LoginResult> f = h.client.login(LoginRequest.resume("t"), null);
        h.expectSent("{'msg':'method','id':'1','method':'login','params':[{'resume':'t'}]}");
        h.serverSends("{'msg':'result','id':'1','result':{'id':'u1'}}");
        assertThat(failure(f, DdpException.class).getMessage()).contains("'token'");
    }

    @Test
    void logout() {
        CompletableFuture<Void> f = h.client.logout();
        h.expectSent("{'msg':'method','id':'1','method':'logout','params':[]}");
        h.serverSends("{'msg':'updated','methods':['1']}");
        h.serverSends("{'msg':'result','id':'1'}");
        assertThat(f).isCompletedWithValue(null);
    }
}
