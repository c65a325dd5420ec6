package io.github.camelrocketchat.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.camelrocketchat.RocketChatComponent;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real Spring Boot 3 application with Camel Spring Boot (4.18, the version of its BOM for Camel 4.18) and only this
 * component: {@code camel.component.rocketchat.*} properties, in Spring's relaxed forms, reach the component, and a
 * route that names no server or credentials runs against the test server.
 */
class SpringBootBindingTest {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("boot-bot", "boot-pass");
        server.createChannel("boot", "boot-bot");
    }

    @SpringBootApplication
    static class App {
        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:post").routeId("post").to("rocketchat:sendMessage?roomName=boot");
                }
            };
        }
    }

    @Test
    void componentPropertiesBindAndARouteRuns() {
        Map<String, Object> properties = Map.of(
                "camel.component.rocketchat.server-url", rocketChat.server().url(),
                "camel.component.rocketchat.username", "boot-bot",
                "camel.component.rocketchat.password", "boot-pass",
                "camel.component.rocketchat.methodTimeout", "7000",
                "camel.component.rocketchat.max-pending-calls", "42",
                "camel.main.name", "boot-test");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).properties(properties)
                .web(WebApplicationType.NONE).run()) {
            CamelContext camel = app.getBean(CamelContext.class);
            RocketChatComponent component = camel.getComponent("rocketchat", RocketChatComponent.class);
            assertThat(component.getConfiguration().getServerUrl()).isEqualTo(rocketChat.server().url());
            assertThat(component.getConfiguration().getUsername()).isEqualTo("boot-bot");
            assertThat(component.getConfiguration().getMethodTimeout()).isEqualTo(7000);
            assertThat(component.getConfiguration().getMaxPendingCalls()).isEqualTo(42);

            app.getBean(ProducerTemplate.class).sendBody("direct:post", "hello from Spring Boot");
            await().atMost(Duration.ofSeconds(20)).until(() -> rocketChat.server().messageTexts("boot").contains("hello from Spring Boot"));
        }
    }

    @Test
    void anUnknownOptionFailsTheStartNamingItButNotItsValue() {
        Map<String, Object> properties = Map.of(
                "camel.component.rocketchat.server-url", rocketChat.server().url(),
                "camel.component.rocketchat.username", "boot-bot",
                "camel.component.rocketchat.passwrod", "boot-pass-typo-secret");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(App.class).properties(properties).web(WebApplicationType.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::run)
                .hasStackTraceContaining("Unknown option(s) [passwrod] under camel.component.rocketchat")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("boot-pass-typo-secret"));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
