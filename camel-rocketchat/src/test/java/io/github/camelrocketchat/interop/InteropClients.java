package io.github.camelrocketchat.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.camelrocketchat.ddp.BadFrameKind;
import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpMethodException;
import io.github.camelrocketchat.ddp.LoginRequest;
import io.github.camelrocketchat.ddp.LoginResult;
import io.github.camelrocketchat.testserver.RecordedFrame;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.TestUser;

/**
 * Real {@link DdpClient}s (real Tyrus transport) against one {@link RocketChatTestServer}: made per test, closed
 * after it. Users are created with unique names so tests can share one server per class.
 */
final class InteropClients implements AutoCloseable {

    /** How long a test waits for anything the server should do at once. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger USER_SEQ = new AtomicInteger();

    private final RocketChatTestServer server;
    /** Clients made by this test; touched by the test thread only. */
    private final List<DdpClient> clients = new ArrayList<>();
    /** Bad frames a test provoked on purpose, per client (absent: none); test thread only. */
    private final Map<DdpClient, Map<BadFrameKind, Long>> expectedBadFrames = new IdentityHashMap<>();

    InteropClients(RocketChatTestServer server) {
        this.server = server;
    }

    RocketChatTestServer server() {
        return server;
    }

    /** A not yet connected client with short test timeouts, adjusted by {@code custom}. */
    DdpClient client(Consumer<DdpClientOptions.Builder> custom) {
        DdpClientOptions.Builder b = DdpClientOptions.builder(server.url())
                .name("interop-" + (clients.size() + 1))
                .connectTimeout(WAIT)
                .methodTimeout(WAIT);
        custom.accept(b);
        DdpClient c = new DdpClient(b.build());
        clients.add(c);
        return c;
    }

    DdpClient connected() {
        DdpClient c = client(b -> {
        });
        await(c.connect());
        return c;
    }

    /** A connected client logged in (by password) as {@code user}. */
    DdpClient loggedIn(TestUser user) {
        DdpClient c = connected();
        LoginResult r = await(c.login(LoginRequest.password(user.username(), password(user)), null));
        assertThat(r.userId()).isEqualTo(user.id());
        return c;
    }

    /** A new user with a unique name {@code <base>-<n>} and the password {@link #password(TestUser)}. */
    TestUser newUser(String base) {
        String name = base + "-" + USER_SEQ.incrementAndGet();
        return server.addUser(name, "pw-" + name, displayName(name));
    }

    TestUser newTotpUser(String base) {
        String name = base + "-" + USER_SEQ.incrementAndGet();
        return server.addUserWithTotp(name, "pw-" + name);
    }

    /** A unique room name. */
    static String uniqueName(String base) {
        return base + "-" + USER_SEQ.incrementAndGet();
    }

    static String displayName(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1);
    }

    static String password(TestUser user) {
        return "pw-" + user.username();
    }

    /** The server's id of the connection whose session is {@code sessionId}. */
    String connectionId(DdpClient client) {
        String session = client.sessionId();
        assertThat(session).as("client session").isNotNull();
        return server.frames().withMsg(RecordedFrame.Direction.OUT, "connected").stream()
                .filter(f -> session.equals(f.json().path("session").asText()))
                .map(RecordedFrame::connectionId).findFirst()
                .orElseThrow(() -> new AssertionError("no 'connected' frame for session " + session));
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success but failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The failure of {@code f} (which must fail within {@link #WAIT}). */
    static Throwable failure(CompletableFuture<?> f) {
        try {
            Object v = f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return fail("expected a failure but got " + v);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no outcome within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The {@link DdpMethodException} that {@code f} fails with. */
    static DdpMethodException methodError(CompletableFuture<?> f) {
        Throwable t = failure(f);
        assertThat(t).isInstanceOf(DdpMethodException.class);
        return (DdpMethodException) t;
    }

    /** {@code o} as a JSON object (fails the test when it is not one). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    /** {@code o} as a JSON array (fails the test when it is not one). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }

    /** {@code c} is meant to drop {@code n} frames of {@code kind} in this test (the server was told to send them). */
    void expectBadFrames(DdpClient c, BadFrameKind kind, long n) {
        expectedBadFrames.computeIfAbsent(c, k -> new EnumMap<>(BadFrameKind.class)).put(kind, n);
    }

    /**
     * Every client dropped exactly the frames its test provoked, and none else: the client understood everything
     * the server sent. A connected client first makes one round trip, so that frames the server sent before it are
     * already decoded (and counted) when the counts are read; a call to a missing method gets an answer from every
     * dialect, whatever the login or the rate limiter.
     */
    void assertBadFramesAsExpected() {
        for (DdpClient c : clients) {
            if (c.isConnected()) {
                await(c.call("interop-flush", List.of()).handle((r, e) -> null));
            }
            Map<BadFrameKind, Long> expected = new EnumMap<>(BadFrameKind.class);
            for (BadFrameKind k : BadFrameKind.values()) {
                expected.put(k, expectedBadFrames.getOrDefault(c, Map.of()).getOrDefault(k, 0L));
            }
            assertThat(c.badFrameCounts()).as("frames dropped by %s (its WARN log names the first of each kind)", c).isEqualTo(expected);
        }
    }

    @Override
    public void close() {
        clients.forEach(DdpClient::close);
        clients.clear();
        expectedBadFrames.clear();
    }
}
