package io.github.camelrocketchat.support;

import io.github.camelrocketchat.RocketChatComponent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.session.ClosedPort;
import io.github.camelrocketchat.session.FakeDdpConnection;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** The consumer and producer checks as Camel's health registry (camel-health) runs them. */
class RocketChatHealthCheckTest extends CamelTestSupport {
    /** Nothing listens there: DDP goes through a fake, and the REST client finds the port closed. */
    private final String url = ClosedPort.webSocketUrl();
    private final String SERVER = "serverUrl=" + url + "&username=bot&password=pw";
    private final java.util.List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        HealthCheckRegistry reg = HealthCheckRegistry.get(ctx);
        reg.register(reg.resolveById("consumers"));
        // off by default, as in camel-main (camel.health.producersEnabled=true turns it on)
        HealthCheckRepository producers = (HealthCheckRepository) reg.resolveById("producers");
        producers.setEnabled(true);
        reg.register(producers);
        reg.setExposureLevel("full");
        RocketChatComponent component = new RocketChatComponent();
        component.setConnectionFactory(options -> {
            FakeDdpConnection c = new FakeDdpConnection();
            sockets.add(c);
            return c;
        });
        ctx.addComponent("rocketchat", component);
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketchat:stream-notify-user?" + SERVER + "&event=notification").routeId("notify").to("mock:n");
                from("direct:send").routeId("send").to("rocketchat:sendMessage?" + SERVER + "&roomId=GENERAL");
                from("direct:other").routeId("other").to("rocketchat:sendMessage?" + SERVER + "&roomId=OTHER");
            }
        };
    }

    private Optional<HealthCheck.Result> result(String id) {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals(id)).findFirst();
    }

    @Test
    void consumerAndProducerChecksFollowTheConnection() {
        assertThat(result("consumer:notify")).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(r.getDetails()).containsEntry("rocketchat.subscription.state", "ready");
        });
        assertThat(result("producer:rocketchat-sendMessage-1")).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(r.getDetails()).containsEntry("rocketchat.user", "bot@" + url);
        });
        sockets.get(0).drop("server restarted");
        assertThat(result("consumer:notify")).hasValueSatisfying(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN));
        assertThat(result("producer:rocketchat-sendMessage-1")).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getDetails()).containsEntry("rocketchat.session.problem", "server restarted");
            assertThat(r.getDetails().toString()).doesNotContain("pw");
        });
    }

    @Test
    void producerChecksAreReadinessChecksAlwaysRegisteredAndSwitchedByTheOption() throws Exception {
        HealthCheckRepository producers = HealthCheckRegistry.get(context).getRepository("producers").orElseThrow();
        HealthCheck check = producers.stream().filter(c -> c.getId().equals("producer:rocketchat-sendMessage-1")).findFirst().orElseThrow();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).as("a connection being restored is not a reason to restart the process").isFalse();
        assertThat(check.getGroup()).isEqualTo("camel");
        assertThat(result("producer:rocketchat-sendMessage-1")).hasValueSatisfying(r ->
                assertThat(r.getDetails()).containsKeys(HealthCheck.INVOCATION_COUNT, HealthCheck.FAILURE_COUNT));

        context.getRouteController().stopRoute("other");
        context.getComponent("rocketchat", io.github.camelrocketchat.RocketChatComponent.class).setHealthCheckProducerEnabled(false);
        context.getRouteController().startRoute("other");
        HealthCheck off = producers.stream().filter(c -> c.getId().startsWith("producer:rocketchat-") && !c.isEnabled())
                .findFirst().orElseThrow();
        assertThat(off.getId()).startsWith("producer:rocketchat-sendMessage-");
        off.setEnabled(true);
        assertThat(result(off.getId())).hasValueSatisfying(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
    }

    @Test
    void aRefusedSubscriptionIsDown() throws Exception {
        sockets.get(0).subscriptions.get(0).nosub(FakeDdpConnection.error("not-allowed", null, null));
        assertThat(result("consumer:notify")).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(r.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Subscription is failed"));
        });
    }

    @Test
    void twoProducersOfOneMethodHaveTheirOwnChecks() throws Exception {
        HealthCheckRepository producers = HealthCheckRegistry.get(context).getRepository("producers").orElseThrow();
        assertThat(producers.stream().map(HealthCheck::getId).filter(id -> id.startsWith("producer:rocketchat-")))
                .containsExactlyInAnyOrder("producer:rocketchat-sendMessage-1", "producer:rocketchat-sendMessage-2");
        assertThat(result("producer:rocketchat-sendMessage-2")).hasValueSatisfying(r -> {
            assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(r.getDetails()).containsEntry("rocketchat.producer.method", "sendMessage");
        });
        // a restart keeps the id; removing one producer leaves the other's check
        String otherId = producers.stream().filter(c -> c.getId().startsWith("producer:rocketchat-"))
                .filter(c -> "OTHER".equals(c.call().getDetails().get("rocketchat.producer.room")))
                .map(HealthCheck::getId).findFirst().orElseThrow();
        context.getRouteController().stopRoute("other");
        context.getRouteController().startRoute("other");
        assertThat(producers.stream().map(HealthCheck::getId)).contains(otherId);
        context.getRouteController().stopRoute("send");
        context.removeRoute("send");
        assertThat(producers.stream().map(HealthCheck::getId).filter(id -> id.startsWith("producer:rocketchat-")))
                .containsExactly(otherId);
    }

    @Test
    void theProducerCheckLeavesWithTheProducer() throws Exception {
        HealthCheckRepository producers = HealthCheckRegistry.get(context).getRepository("producers").orElseThrow();
        assertThat(producers.stream().map(HealthCheck::getId)).contains("producer:rocketchat-sendMessage-1");
        context.getRouteController().stopRoute("send");
        context.removeRoute("send");
        assertThat(producers.stream().map(HealthCheck::getId)).doesNotContain("producer:rocketchat-sendMessage-1");
    }
}
