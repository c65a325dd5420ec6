package io.github.camelrocketchat;

import io.github.camelrocketchat.consumer.RocketChatConsumer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.model.BulkDeletion;
import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.DeletedMessage;
import io.github.camelrocketchat.model.WireFixtures;
import io.github.camelrocketchat.session.ClosedPort;
import io.github.camelrocketchat.session.DdpConnectionFactory;
import io.github.camelrocketchat.session.FakeDdpConnection;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The Camel wiring over a scripted DDP connection: consumers, producers, the shared session, health and errors.
 * (The same scenarios against the Rocket.Chat test server belong to the route tests of the follow-up.)
 */
class RocketChatRouteWiringTest extends CamelTestSupport {
    /** Nothing listens there: DDP goes through a fake, and the REST client finds the port closed. */
    private final String url = ClosedPort.webSocketUrl();
    private final String SERVER = "serverUrl=" + url + "&username=bot&password=pw";
    private final List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();
    private final List<String> deliveryThreads = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        RocketChatComponent component = new RocketChatComponent();
        component.setConnectionFactory(options -> {
            if (options.name().contains("down@")) {
                // the real client, against a port nothing listens on
                return DdpConnectionFactory.DEFAULT.create(options);
            }
            FakeDdpConnection c = new FakeDdpConnection();
            c.responder = call -> switch (call.method()) {
                case "getRoomIdByNameOrId" -> "general".equals(call.params().get(0)) ? "GENERAL" : null;
                case "sendMessage" -> {
                    Map<String, Object> stored = new LinkedHashMap<>(WireFixtures.normal());
                    stored.putAll(castMap(call.params().get(0)));
                    yield stored;
                }
                case "joinRoom" -> throw FakeDdpConnection.error("error-not-allowed", "Not allowed", "joinRoom");
                default -> null;
            };
            sockets.add(c);
            return c.use(options);
        });
        ctx.addComponent("rocketchat", component);
        return ctx;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + SERVER + "&roomName=general").routeId("all")
                        .process(e -> deliveryThreads.add(Thread.currentThread().getName()))
                        .to("mock:all");
                from("rocketchat:stream-room-messages?" + SERVER + "&roomId=GENERAL&messageEvents=edited,deleted").routeId("edits")
                        .to("mock:edits");
                from("direct:send").to("rocketchat:sendMessage?" + SERVER + "&roomId=GENERAL");
                from("direct:join").to("rocketchat:joinRoom?" + SERVER);
            }
        };
    }

    private FakeDdpConnection socket() {
        assertThat(sockets).hasSize(1);
        return sockets.get(0);
    }

    @Test
    void consumersAndProducersShareOneSocketAndOneSubscription() throws Exception {
        FakeDdpConnection ddp = socket();
        assertThat(ddp.logins).hasSize(1);
        // both room consumers want deletions: the room's stream and its two hard deletion events, each subscribed once
        assertThat(ddp.subscriptions).extracting(s -> s.name() + " " + s.params().get(0)).containsExactly(
                "stream-room-messages GENERAL", "stream-notify-room GENERAL/deleteMessage", "stream-notify-room GENERAL/deleteMessageBulk");
        assertThat(ddp.calls("getRoomIdByNameOrId")).hasSize(1);

        MockEndpoint all = getMockEndpoint("mock:all");
        MockEndpoint edits = getMockEndpoint("mock:edits");
        all.expectedHeaderValuesReceivedInAnyOrder(RocketChatConstants.MESSAGE_EVENT, "created", "updated", "edited", "deleted");
        edits.expectedHeaderValuesReceivedInAnyOrder(RocketChatConstants.MESSAGE_EVENT, "edited", "deleted");

        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.normal());
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.normal()); // repeat: dropped
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.withReactionsAndUrls());
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.edited());
        Map<String, Object> own = new LinkedHashMap<>(WireFixtures.threaded());
        own.put("u", WireFixtures.user("uid-bot", "bot", "Bot"));
        ddp.emit("stream-room-messages", "GENERAL", own); // own message: skipped
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.deletedWithStatus());

        MockEndpoint.assertIsSatisfied(context, 5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(all.getExchanges().get(0).getMessage().getBody()).isInstanceOf(ChatMessage.class);
        assertThat(deliveryThreads).isNotEmpty().allMatch(n -> n.contains("RocketChatConsumer"));
    }

    @Test
    void hardDeletionsArriveInOrderAmongTheRoomsMessages() throws Exception {
        FakeDdpConnection ddp = socket();
        MockEndpoint edits = getMockEndpoint("mock:edits");
        edits.expectedHeaderValuesReceivedInAnyOrder(RocketChatConstants.MESSAGE_EVENT, "edited", "deleted", "deleted", "deleted",
                "deleted");
        ddp.emit("stream-room-messages", "GENERAL", WireFixtures.edited());
        ddp.emit("stream-notify-room", "GENERAL/deleteMessage", Map.of("_id", "m1"));
        ddp.emit("stream-notify-room", "GENERAL/deleteMessageBulk", Map.of("rid", "GENERAL", "excludePinned", false, "ids", List.of("m2", "m3")));
        ddp.emit("stream-notify-room", "GENERAL/deleteMessageBulk", Map.of("rid", "GENERAL", "excludePinned", true,
                "users", List.of("bob")));
        edits.assertIsSatisfied(5000);

        List<Exchange> got = edits.getExchanges();
        assertThat(got.get(0).getMessage().getBody()).isInstanceOf(ChatMessage.class);
        assertThat(got.subList(1, 4)).extracting(e -> e.getMessage().getBody())
                .containsExactly(new DeletedMessage("GENERAL", "m1"), new DeletedMessage("GENERAL", "m2"), new DeletedMessage("GENERAL", "m3"));
        assertThat(got.subList(1, 4)).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_ID))
                .containsExactly("m1", "m2", "m3");
        assertThat(got.subList(1, 5)).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo("GENERAL");
            assertThat(e.getMessage().getHeader(RocketChatConstants.STREAM)).isEqualTo("stream-notify-room");
        });
        BulkDeletion prune = got.get(4).getMessage().getBody(BulkDeletion.class);
        assertThat(prune.roomId()).isEqualTo("GENERAL");
        assertThat(prune.messageIds()).isEmpty();
        assertThat(prune.query()).containsEntry("users", List.of("bob")).containsEntry("excludePinned", true);
        assertThat(got.get(4).getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isNull();
        assertThat(got.get(4).getMessage().getHeader(RocketChatConstants.EVENT_NAME)).isEqualTo("GENERAL/deleteMessageBulk");
        // the consumer of every event got them too, in the same order after its own message events
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedMinimumMessageCount(5);
        all.assertIsSatisfied(5000);
        assertThat(all.getExchanges()).extracting(e -> e.getMessage().getHeader(RocketChatConstants.MESSAGE_EVENT))
                .containsExactly("edited", "deleted", "deleted", "deleted", "deleted");
    }

    @Test
    void aRefusedDeletionSubscriptionFailsTheStartNamingIt() throws Exception {
        FakeDdpConnection ddp = socket();
        ddp.refuse = s -> "OTHER/deleteMessageBulk".equals(s.params().get(0));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + SERVER + "&roomId=OTHER").routeId("other").autoStartup(false).to("mock:x");
                from("rocketchat:stream-room-messages?" + SERVER + "&roomId=OTHER&messageEvents=created,edited").routeId("noDeletes")
                        .autoStartup(false).to("mock:x");
            }
        });
        assertThatThrownBy(() -> context.getRouteController().startRoute("other"))
                .hasMessageContaining("The server refused the subscription of route other to stream-notify-room OTHER/deleteMessageBulk, "
                        + "which carries the hard deletions of room OTHER")
                .hasMessageContaining("Not allowed");
        assertThat(ddp.activeSubscriptions()).as("the failed start released its other subscriptions").hasSize(3);

        context.getRouteController().startRoute("noDeletes");
        assertThat(ddp.activeSubscriptions()).extracting(s -> s.params().get(0))
                .containsExactly("GENERAL", "GENERAL/deleteMessage", "GENERAL/deleteMessageBulk", "OTHER");
    }

    @Test
    void producerSendsAndMapsTheResult() {
        Exchange out = template.send("direct:send", e -> e.getMessage().setBody("hello"));
        assertThat(out.getException()).isNull();
        ChatMessage sent = out.getMessage().getBody(ChatMessage.class);
        assertThat(sent.roomId()).isEqualTo("GENERAL");
        assertThat(out.getMessage().getHeader(RocketChatConstants.MESSAGE_ID)).isEqualTo(sent.id());
        assertThat(socket().calls("sendMessage")).singleElement()
                .satisfies(c -> assertThat(castMap(c.params().get(0))).containsEntry("msg", "hello"));
        assertThat(sent.id()).isEqualTo(castMap(socket().calls("sendMessage").get(0).params().get(0)).get("_id"));
    }

    @Test
    void methodErrorsBecomeExceptionsOnTheExchange() {
        Exchange out = template.send("direct:join", e -> e.getMessage().setBody("GENERAL"));
        assertThat(out.getException()).isInstanceOf(RocketChatNotAuthorizedException.class)
                .hasMessage("joinRoom failed: Not allowed [error-not-allowed]");
        Exchange noRoom = template.send("direct:send", e -> {
            e.getMessage().setBody(42);
        });
        assertThat(noRoom.getException()).isInstanceOf(RocketChatInvalidInputException.class);
    }

    @Test
    void stoppingRoutesReleasesTheSocketOnlyAtTheLast() throws Exception {
        FakeDdpConnection ddp = socket();
        context.getRouteController().stopRoute("all");
        assertThat(ddp.closed).isFalse();
        assertThat(ddp.subscriptions.get(0).unsubscribed).isFalse();
        context.getRouteController().stopRoute("edits");
        assertThat(ddp.subscriptions.get(0).unsubscribed).isTrue();
        assertThat(ddp.closed).as("producers still hold the session").isFalse();
        assertThat(ddp.activeSubscriptions()).isEmpty();
        context.getRouteController().startRoute("edits");
        assertThat(sockets).hasSize(1);
        assertThat(ddp.activeSubscriptions()).hasSize(3);
        context.stop();
        assertThat(ddp.closed).isTrue();
        assertThat(ddp.logouts).isEqualTo(1);
    }

    @Test
    void healthIsUpWhileReadyDownWhileReconnectingAndUpAgainAfter() {
        RocketChatConsumer consumer = (RocketChatConsumer) context.getRoute("edits").getConsumer();
        HealthCheck check = consumer.getHealthCheck();
        HealthCheck.Result up = check.call();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("rocketchat.subscription.state", "ready")
                .containsEntry("rocketchat.session.state", "ready");
        assertThat(up.getDetails().toString()).doesNotContain("pw");

        socket().drop("heartbeat timeout");
        HealthCheck.Result down = check.call();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("reconnecting"));
        assertThat(down.getDetails()).containsEntry("rocketchat.session.state", "reconnecting")
                .containsEntry("rocketchat.session.problem", "heartbeat timeout");

        // back, but the gap-fill cannot reach the (fake) server's REST API: still DOWN, saying why
        socket().restore().join();
        await().atMost(Duration.ofSeconds(10)).until(() -> check.call().getDetails().containsKey("rocketchat.consumer.gapFillProblem"));
        HealthCheck.Result back = check.call();
        assertThat(back.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(back.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Gap-fill failed, retrying"));
        assertThat(back.getDetails()).containsEntry("rocketchat.session.state", "ready").containsEntry("rocketchat.session.reconnects", 1L)
                .containsEntry("rocketchat.subscription.state", "ready").containsEntry("rocketchat.consumer.catchingUp", true);
    }

    @Test
    void anUnknownRoomNameFailsTheStartNamingTheRoom() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-room-messages?" + SERVER + "&roomName=nowhere").routeId("nowhere").autoStartup(false).to("mock:x");
            }
        });
        assertThatThrownBy(() -> context.getRouteController().startRoute("nowhere"))
                .hasMessageContaining("Room 'nowhere' not found");
        // nothing leaked: still the shared subscriptions of the other routes, on the one socket
        assertThat(socket().activeSubscriptions()).hasSize(3);
        RocketChatComponent component = context.getComponent("rocketchat", RocketChatComponent.class);
        assertThat(component.getSessionRegistry().size()).isEqualTo(1);
    }

    @Test
    void anUnreachableServerFailsTheStartOfConsumersAndProducers() throws Exception {
        String downUrl = ClosedPort.webSocketUrl();
        String down = "serverUrl=" + downUrl + "&username=down&password=pw";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-notify-user?" + down + "&event=notification").routeId("c").autoStartup(false).to("mock:x");
            }
        });
        // the OS's words for a refused connection are not ours to assert: the type, and that the URL is named
        assertThatThrownBy(() -> context.getRouteController().startRoute("c"))
                .isInstanceOf(RocketChatException.class)
                .hasMessageStartingWith("Cannot open the Rocket.Chat session down@" + downUrl + ": ")
                .hasMessageContaining(downUrl.replace("ws://", ""))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
        // a producer starts (and fails) when its route is added to a running context
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:p").routeId("p").to("rocketchat:sendMessage?" + down);
            }
        })).hasRootCauseInstanceOf(java.net.ConnectException.class)
                .hasStackTraceContaining("Cannot open the Rocket.Chat session down@" + downUrl + ": ");
        RocketChatComponent component = context.getComponent("rocketchat", RocketChatComponent.class);
        assertThat(component.getSessionRegistry().size()).as("failed sessions are released").isEqualTo(1);
        // and closed: the real client's threads (named after the session) end
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(t -> t.isAlive() && t.getName().contains("down@" + downUrl)));
    }
}
