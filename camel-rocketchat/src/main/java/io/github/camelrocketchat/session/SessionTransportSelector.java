package io.github.camelrocketchat.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses DDP or REST per operation for one session. With {@code transport=auto} an operation goes over DDP
 * unless the server's version (from {@code /api/info}, asked once) says the DDP method is gone or lost the
 * features the call uses, or the server already answered {@code 404 Method 'x' not found} (or
 * {@code 400 Match failed} for a {@code sendMessage} with alias/emoji/avatar/attachments). Choices are
 * remembered per session and logged once at info.
 */
final class SessionTransportSelector {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTransportSelector.class);

    /** Where a call goes. */
    enum Route { DDP, REST }

    /** DDP methods Rocket.Chat removed, with the version that removed them. */
    private static final Map<String, ServerVersion> REMOVED_IN = Map.of(
            "deleteMessage", new ServerVersion(7, 0, 0),
            "getRoomRoles", new ServerVersion(8, 0, 0),
            "setReaction", new ServerVersion(8, 0, 0));
    /** Since 7.1 {@code sendMessage} takes only an allow-list of keys. */
    private static final ServerVersion STRICT_SEND = new ServerVersion(7, 1, 0);

    private final String server;
    private final Supplier<CompletableFuture<String>> versionSource;
    private final AtomicReference<CompletableFuture<ServerVersion>> version = new AtomicReference<>();
    /** Operations the server answered "not found" (or "Match failed") for; any thread. */
    private final Set<String> ddpMissing = ConcurrentHashMap.newKeySet();
    /** (operation, route) pairs already logged; any thread. */
    private final Map<String, Route> logged = new ConcurrentHashMap<>();

    SessionTransportSelector(String server, Supplier<CompletableFuture<String>> versionSource) {
        this.server = server;
        this.versionSource = versionSource;
    }

    /** The route for {@code call}; asks the server version only when the choice depends on it. */
    CompletableFuture<Route> choose(RocketChatCall call, TransportMode mode) {
        if (mode != TransportMode.AUTO || call.rest() == null) {
            Route r = decide(call, mode, null, false);
            return CompletableFuture.completedFuture(log(call, r, mode == TransportMode.AUTO ? null : "transport=" + mode.name().toLowerCase()));
        }
        boolean missing = ddpMissing.contains(operation(call));
        if (missing) {
            return CompletableFuture.completedFuture(log(call, Route.REST, "the server answered that the DDP method is missing"));
        }
        return serverVersion().thenApply(v -> log(call, decide(call, mode, v, false),
                v == null ? "server version unknown" : "Rocket.Chat " + v));
    }

    /**
     * Pure decision: {@code mode} and (for auto) the server version and what the server answered before.
     */
    static Route decide(RocketChatCall call, TransportMode mode, ServerVersion v, boolean missing) {
        if (mode == TransportMode.DDP) {
            return Route.DDP;
        }
        if (mode == TransportMode.REST) {
            return Route.REST;
        }
        if (call.rest() == null) {
            return Route.DDP;
        }
        if (missing) {
            return Route.REST;
        }
        if (v != null) {
            ServerVersion removed = REMOVED_IN.get(call.method());
            if (removed != null && v.compareTo(removed) >= 0) {
                return Route.REST;
            }
            if (call.restPreferred() && v.compareTo(STRICT_SEND) >= 0) {
                return Route.REST;
            }
        }
        return Route.DDP;
    }

    /**
     * After a DDP failure in auto mode: true (and remembered) when the operation should go over REST instead.
     */
    boolean fallBackAfter(RocketChatCall call, TransportMode mode, Throwable failure) {
        if (mode != TransportMode.AUTO || call.rest() == null) {
            return false;
        }
        boolean fallBack = SessionErrors.isMethodNotFound(failure)
                || (call.restPreferred() && SessionErrors.isMatchFailed(failure));
        if (fallBack) {
            ddpMissing.add(operation(call));
        }
        return fallBack;
    }

    /** What was decided so far, for health details: operation to route. */
    Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        logged.forEach((k, v) -> out.put(k, v.name().toLowerCase()));
        return out;
    }

    /** The version future (asked once); completes with null when the server did not tell. */
    CompletableFuture<ServerVersion> serverVersion() {
        CompletableFuture<ServerVersion> f = version.get();
        if (f != null) {
            return f;
        }
        CompletableFuture<ServerVersion> mine = new CompletableFuture<>();
        if (!version.compareAndSet(null, mine)) {
            return version.get();
        }
        CompletableFuture<String> source;
        try {
            source = versionSource.get();
        } catch (RuntimeException e) {
            source = CompletableFuture.failedFuture(e);
        }
        source.whenComplete((text, err) -> {
            ServerVersion v = err == null ? ServerVersion.parse(text) : null;
            if (v == null) {
                LOG.info("Could not learn the Rocket.Chat version of {} ({}): operations go over DDP first and fall back to REST "
                        + "when the server says a method is missing", server, err != null ? SessionErrors.unwrap(err).getMessage() : "no version in /api/info");
            }
            mine.complete(v);
        });
        return mine;
    }

    private static String operation(RocketChatCall call) {
        return call.restPreferred() ? call.method() + "+rest-features" : call.method();
    }

    private Route log(RocketChatCall call, Route route, String why) {
        String op = operation(call);
        if (logged.put(op, route) != route) {
            String how = route == Route.DDP ? "the DDP method"
                    : call.rest() != null && call.restEndpoint() != null ? "REST " + call.restEndpoint() : "REST method.call/" + call.method();
            LOG.info("{}: {} goes over {}{}", server, op, how, why == null ? "" : " (" + why + ")");
        }
        return route;
    }
}
