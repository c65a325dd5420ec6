package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.session.RocketChatSession;
import io.github.camelrocketchat.session.SessionState;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import io.github.camelrocketchat.testserver.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends that survive: through a server restart, past a full queue, through a Camel redelivery and through
 * Rocket.Chat's rate limiter, every message is stored exactly once and in the order it was sent. The server's
 * limiter and the session's waits run on one virtual clock, so waits of minutes take no time.
 */
class LiveSendsSurviveTest extends LiveTestSupport {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FAST_RECONNECT = "&reconnectInitialDelay=20&reconnectMaxDelay=200&connectTimeout=3000";
    static final TestClock CLOCK = new TestClock(Instant.now());

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension(b -> b.clock(CLOCK));

    private VirtualTimer timer;
    private final List<AsyncProducer> producers = new ArrayList<>();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        for (String user : List.of("relay", "burst", "redeliver", "paced", "impatient", "rester", "bob")) {
            server.addUser(user, user + "-pass");
        }
        for (String room : List.of("restart", "full", "redelivered", "burst", "paced", "impatient", "rest")) {
            server.createChannel(room, "bob", "relay", "burst", "redeliver", "paced", "impatient", "rester");
        }
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        RocketChatComponent component = ctx.getComponent("rocketchat", RocketChatComponent.class);
        timer = new VirtualTimer(CLOCK, () -> component.getSessionRegistry().sessions().stream()
                .allMatch(s -> s.outboundStatus().inFlight() == 0));
        component.setSessionTime(CLOCK, timer);
        return ctx;
    }

    @BeforeEach
    void cleanServer() {
        server().faults().acceptConnections();
        server().faults().clearMethodDelays();
        server().setRateLimiterEnabled(false);
        server().setRestRateLimiterEnabled(false);
        await().atMost(WAIT).until(() -> server().connectionCount() == 0);
    }

    @AfterEach
    void stopTimer() throws Exception {
        for (AsyncProducer p : producers) {
            p.stop();
        }
        server().setRateLimiterEnabled(false);
        server().setRestRateLimiterEnabled(false);
        timer.close();
    }

    private String sender(String user, String room) {
        return "rocketchat:sendMessage?roomId=" + server().roomId(room) + "&" + as(user, user + "-pass") + FAST_RECONNECT;
    }

    private RocketChatSession session(String uri) {
        RocketChatEndpoint endpoint = context.getEndpoint(uri, RocketChatEndpoint.class);
        return context.getComponent("rocketchat", RocketChatComponent.class).getSessionRegistry()
                .find(RocketChatEndpoint.connectionKey(endpoint.getConfiguration()));
    }

    private static List<String> texts(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    /**
     * Hands each text to the endpoint's async producer as its own exchange, in order on this thread (as a route's one
     * consumer thread would), without waiting; the futures complete when the producer calls back.
     */
    private List<CompletableFuture<Exchange>> sendAll(String uri, List<String> texts) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        producers.add(producer);
        List<CompletableFuture<Exchange>> out = new ArrayList<>();
        for (String t : texts) {
            Exchange ex = new DefaultExchange(context);
            ex.getMessage().setBody(t);
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            producer.process(ex, sync -> done.complete(ex));
            out.add(done);
        }
        return out;
    }

    private static void assertAllSucceeded(List<CompletableFuture<Exchange>> sends) {
        for (CompletableFuture<Exchange> f : sends) {
            Exchange ex = f.join();
            assertThat(ex.getException()).as("exchange %s", ex.getMessage().getBody()).isNull();
            assertThat(ex.getMessage().getBody()).isInstanceOf(ChatMessage.class);
        }
    }

    @Test
    void fiveHundredSendsIssuedDuringARestartAreStoredOnceEachInOrder() throws Exception {
        String uri = sender("relay", "restart");
        assertThat(call(uri, "warm-up").getException()).isNull();
        List<String> texts = texts("r-", 500);
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> server().faults().restart());
        List<CompletableFuture<Exchange>> sends = sendAll(uri, texts);
        restart.join();
        await().atMost(WAIT).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertAllSucceeded(sends);
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(texts);
        assertThat(server().messageTexts("restart")).isEqualTo(expected);
    }

    @Test
    void pastMaxPendingCallsSendsFailAtOnceAndTheQueuedOnesArriveAfterTheReconnect() throws Exception {
        String uri = sender("relay", "full") + "&maxPendingCalls=100";
        assertThat(call(uri, "warm-up").getException()).isNull();
        RocketChatSession session = session(uri);
        server().faults().refuseConnections();
        server().faults().dropAllConnections();
        await().atMost(WAIT).until(() -> session.state() == SessionState.RECONNECTING);

        List<CompletableFuture<Exchange>> sends = sendAll(uri, texts("f-", 130));
        // the last 30 found the queue full: they failed at once, while the connection is still down
        for (CompletableFuture<Exchange> f : sends.subList(100, 130)) {
            Exchange ex = f.get(5, TimeUnit.SECONDS);
            assertThat(ex.getException()).isInstanceOf(RocketChatConnectionException.class)
                    .hasMessageContaining("maxPendingCalls=100").hasMessageContaining("the connection is down");
            assertThat(((RocketChatException) ex.getException()).getError()).isEqualTo("pending-calls-full");
        }
        assertThat(sends.subList(0, 100)).noneMatch(CompletableFuture::isDone);
        assertThat(session.outboundStatus().rejected()).isEqualTo(30);

        server().faults().acceptConnections();
        await().atMost(WAIT).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertAllSucceeded(sends.subList(0, 100));
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(texts("f-", 100));
        assertThat(server().messageTexts("full")).isEqualTo(expected);
    }

    @Test
    void aRedeliveryAfterATimeoutPostsTheMessageOnce() throws Exception {
        String uri = sender("redeliver", "redelivered") + "&methodTimeout=1000";
        assertThat(call(uri, "warm-up").getException()).isNull();
        CountDownLatch redelivering = new CountDownLatch(1);
        routes(b -> b.from("direct:redelivered")
                .onException(RocketChatException.class).maximumRedeliveries(3).redeliveryDelay(0)
                .onRedelivery(e -> redelivering.countDown()).end()
                .to(uri));
        // the server holds the first attempt past its timeout; the redelivery sends the same _id
        server().faults().delayMethod("sendMessage", Duration.ofHours(1));
        CompletableFuture<Exchange> sent = template.asyncSend("direct:redelivered", e -> e.getMessage().setBody("once"));
        assertThat(redelivering.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        server().faults().clearMethodDelays();
        server().faults().releaseDelayedMethods();

        Exchange ex = sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(Exchange.REDELIVERED, Boolean.class)).isTrue();
        ChatMessage stored = ex.getMessage().getBody(ChatMessage.class);
        assertThat(stored.text()).isEqualTo("once");
        assertThat(server().messageTexts("redelivered")).containsExactly("warm-up", "once");
        assertThat(server().messageText(stored.id())).isEqualTo("once");
    }

    @Test
    void aBurstOfAThousandAgainstTheDefaultRateLimiterIsStoredOnceEachInOrder() throws Exception {
        server().setRateLimiterEnabled(true);
        String uri = sender("burst", "burst");
        List<String> texts = texts("b-", 1000);
        List<CompletableFuture<Exchange>> sends = sendAll(uri, texts);
        await().atMost(Duration.ofMinutes(2)).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertAllSucceeded(sends);
        assertThat(server().messageTexts("burst")).isEqualTo(texts);
        RocketChatSession session = session(uri);
        assertThat(session.outboundStatus().rateLimitRefusals()).isPositive();
        // 10 sendMessage per 10 s per connection: a thousand take at least 990 s of the server's time
        assertThat(timer.waitedMillis()).isGreaterThanOrEqualTo(Duration.ofSeconds(990).toMillis());
    }

    @Test
    void aClientSideRateKeepsABusyRouteUnderTheServersLimitWithoutARefusal() throws Exception {
        server().setRateLimiterEnabled(true);
        // Rocket.Chat allows 10 sendMessage per connection per 10 s (and 5 per second per user)
        String uri = sender("paced", "paced") + "&rateLimit=5/6s";
        List<String> texts = texts("p-", 60);
        List<CompletableFuture<Exchange>> sends = sendAll(uri, texts);
        await().atMost(WAIT).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertAllSucceeded(sends);
        assertThat(server().messageTexts("paced")).isEqualTo(texts);
        assertThat(session(uri).outboundStatus().rateLimitRefusals()).as("never refused by the server; waited %d ms", timer.waitedMillis()).isZero();
        assertThat(timer.waitedMillis()).as("60 calls at 5 per 6 s").isGreaterThanOrEqualTo(Duration.ofSeconds(66).toMillis());
    }

    @Test
    void aWaitLongerThanRateLimitMaxWaitFailsWithTheServersWait() throws Exception {
        server().setRateLimiterEnabled(true);
        String uri = sender("impatient", "impatient") + "&rateLimitMaxWait=0";
        List<CompletableFuture<Exchange>> sends = sendAll(uri, texts("i-", 12));
        await().atMost(WAIT).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        List<Exchange> refused = sends.stream().map(CompletableFuture::join).filter(e -> e.getException() != null).toList();
        assertThat(refused).isNotEmpty();
        for (Exchange e : refused) {
            assertThat(e.getException()).isInstanceOf(RocketChatRateLimitException.class).hasMessageContaining("too many requests");
            RocketChatRateLimitException r = (RocketChatRateLimitException) e.getException();
            assertThat(r.getRetryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(r.getError()).isEqualTo("too-many-requests");
        }
        assertThat(server().messageTexts("impatient")).hasSize(12 - refused.size());
    }

    @Test
    void overRestA429IsWaitedOutUntilXRateLimitResetAndEveryMessageKeepsItsIdAndOrder() throws Exception {
        server().setRestRateLimiterEnabled(true);
        String uri = sender("rester", "rest") + "&transport=rest";
        List<String> texts = texts("h-", 25);
        List<CompletableFuture<Exchange>> sends = sendAll(uri, texts);
        await().atMost(WAIT).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertAllSucceeded(sends);
        assertThat(server().messageTexts("rest")).isEqualTo(texts);
        assertThat(session(uri).outboundStatus().rateLimitRefusals()).isPositive();
        // 10 chat.sendMessage per user per minute: 25 take two resets of the window
        assertThat(timer.waitedMillis()).isGreaterThanOrEqualTo(Duration.ofSeconds(60).toMillis());
        for (CompletableFuture<Exchange> f : sends) {
            ChatMessage m = f.join().getMessage().getBody(ChatMessage.class);
            assertThat(server().messageText(m.id())).isEqualTo(m.text());
        }
    }
}
