package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.session.ConnectionKey;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RocketChatEndpointTest {
    private static final String BASE = "serverUrl=https://chat.example.com&username=bot&password=s3cr3t";
    private CamelContext context;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private RocketChatEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, RocketChatEndpoint.class);
    }

    @Test
    void createsAnEndpointWithItsNameAndOptions() {
        RocketChatEndpoint e = endpoint("rocketchat:stream-room-messages?" + BASE + "&roomId=GENERAL&messageEvents=created,edited"
                + "&connectTimeout=5s&methodTimeout=1500");
        assertThat(e.getName()).isEqualTo("stream-room-messages");
        RocketChatConfiguration c = e.getConfiguration();
        assertThat(c.getServerUrl()).isEqualTo("https://chat.example.com");
        assertThat(c.getRoomId()).isEqualTo("GENERAL");
        assertThat(c.getMessageEvents()).isEqualTo("created,edited");
        assertThat(c.getConnectTimeout()).isEqualTo(5000);
        assertThat(c.getMethodTimeout()).isEqualTo(1500);
        assertThat(c.isSkipOwnMessages()).isTrue();
        assertThat(c.getTransport()).isEqualTo("auto");
        assertThat(e.getServiceUrl()).isEqualTo("wss://chat.example.com/websocket");
        assertThat(e.getServiceProtocol()).isEqualTo("ddp");
        assertThat(e.getServiceMetadata()).containsExactly(Map.entry("username", "bot"));
    }

    @Test
    void componentDefaultsApplyAndEndpointsOverrideThemOnTheirOwnCopy() {
        RocketChatComponent component = new RocketChatComponent();
        component.getConfiguration().setServerUrl("ws://localhost:3000/websocket");
        component.getConfiguration().setUsername("bot");
        component.getConfiguration().setPassword("pw");
        component.getConfiguration().setRoomId("GENERAL");
        context.addComponent("rocketchat", component);

        RocketChatEndpoint a = endpoint("rocketchat:sendMessage");
        RocketChatEndpoint b = endpoint("rocketchat:sendMessage?roomId=OTHER&username=alice");
        assertThat(a.getConfiguration().getRoomId()).isEqualTo("GENERAL");
        assertThat(a.getConfiguration().getServerUrl()).isEqualTo("ws://localhost:3000/websocket");
        assertThat(b.getConfiguration().getRoomId()).isEqualTo("OTHER");
        assertThat(b.getConfiguration().getUsername()).isEqualTo("alice");
        assertThat(component.getConfiguration().getRoomId()).isEqualTo("GENERAL");
        assertThat(a.getConfiguration()).isNotSameAs(component.getConfiguration()).isNotSameAs(b.getConfiguration());
    }

    @Test
    void componentOptionsAreBoundThroughTheGeneratedConfigurer() {
        RocketChatComponent component = context.getComponent("rocketchat", RocketChatComponent.class);
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("rocketchat-component", context);
        assertThat(configurer).isInstanceOf(RocketChatComponentConfigurer.class);
        configurer.configure(context, component, "serverUrl", "ws://localhost:3000/websocket", true);
        configurer.configure(context, component, "username", "bot", true);
        configurer.configure(context, component, "authToken", "tok", true);
        configurer.configure(context, component, "methodTimeout", "2s", true);
        assertThat(component.getConfiguration().getServerUrl()).isEqualTo("ws://localhost:3000/websocket");
        assertThat(component.getConfiguration().getAuthToken()).isEqualTo("tok");
        assertThat(component.getConfiguration().getMethodTimeout()).isEqualTo(2000);
        configurer.configure(context, component, "useGlobalSslContextParameters", "true", true);
        assertThat(component.isUseGlobalSslContextParameters()).isTrue();
        assertThat(endpoint("rocketchat:rooms/get").getConfiguration().getAuthToken()).isEqualTo("tok");
    }

    @Test
    void secretsAreAbsentFromToStringAndTheKey() {
        RocketChatEndpoint e = endpoint("rocketchat:sendMessage?" + BASE + "&roomId=GENERAL");
        assertThat(e.toString()).doesNotContain("s3cr3t").contains("sendMessage");
        assertThat(e.getConfiguration().toString()).doesNotContain("s3cr3t").contains("password=******");
        RocketChatEndpoint t = endpoint("rocketchat:sendMessage?serverUrl=https://chat.example.com&authToken=T0k3n-v4lue&userId=uid1");
        assertThat(t.toString()).doesNotContain("T0k3n-v4lue");
        assertThat(t.getConfiguration().toString()).doesNotContain("T0k3n-v4lue");
        assertThat(RocketChatEndpoint.connectionKey(t.getConfiguration()).toString()).doesNotContain("T0k3n-v4lue").contains("uid1", "credentials=token");
        assertThat(RocketChatEndpoint.connectionKey(e.getConfiguration()).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void connectionKeysDifferByServerIdentityAndTls() {
        RocketChatConfiguration c = endpoint("rocketchat:sendMessage?" + BASE).getConfiguration();
        ConnectionKey k = RocketChatEndpoint.connectionKey(c);
        assertThat(RocketChatEndpoint.connectionKey(c.copy())).isEqualTo(k).hasSameHashCodeAs(k);
        assertThat(k.url()).isEqualTo("wss://chat.example.com/websocket");
        RocketChatConfiguration ws = c.copy();
        ws.setServerUrl("wss://chat.example.com/websocket");
        assertThat(RocketChatEndpoint.connectionKey(ws)).as("same socket, other spelling").isEqualTo(k);
        RocketChatConfiguration other = c.copy();
        other.setPassword("other");
        assertThat(RocketChatEndpoint.connectionKey(other)).isNotEqualTo(k);
        RocketChatConfiguration user = c.copy();
        user.setUsername("alice");
        assertThat(RocketChatEndpoint.connectionKey(user)).isNotEqualTo(k);
        RocketChatConfiguration tls = c.copy();
        tls.setSslContextParameters(new SSLContextParameters());
        assertThat(RocketChatEndpoint.connectionKey(tls)).isNotEqualTo(k);
        assertThat(RocketChatEndpoint.connectionKey(tls).toString()).contains("tls=custom");
        RocketChatConfiguration room = c.copy();
        room.setRoomId("OTHER");
        assertThat(RocketChatEndpoint.connectionKey(room)).as("consumer options do not split connections").isEqualTo(k);
    }

    @Test
    void unknownOptionsFailAndListTheValidOnes() {
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?" + BASE + "&roomId=GENERAL&colour=red&size=2"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Unknown options [colour, size]")
                .hasMessageContaining("roomId").hasMessageContaining("serverUrl").hasMessageContaining("skipOwnMessages");
    }

    @Test
    void invalidNamesAndOptionCombinationsFailAtCreationNamingTheProblem() {
        assertThatThrownBy(() -> endpoint("rocketchat:send%20Message?" + BASE)).hasMessageContaining("Invalid endpoint name");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?username=bot&password=x"))
                .hasMessageContaining("serverUrl is required");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?serverUrl=ftp://x")).hasMessageContaining("Unsupported scheme 'ftp'");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?serverUrl=https://x&username=bot"))
                .hasMessageContaining("Credentials are required");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?" + BASE + "&authToken=t"))
                .hasMessageContaining("either password (with username) or authToken");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?" + BASE + "&transport=grpc"))
                .hasMessageContaining("Invalid transport 'grpc': use auto, ddp or rest");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?" + BASE + "&messageEvents=created,moved"))
                .hasMessageContaining("'moved'");
        assertThatThrownBy(() -> endpoint("rocketchat:users?" + BASE + "&params={\"a\":1}"))
                .hasMessageContaining("params must be a JSON array");
        assertThatThrownBy(() -> endpoint("rocketchat:sendMessage?" + BASE + "&roomId=A&roomName=b"))
                .hasMessageContaining("either roomId or roomName");
        assertThatThrownBy(() -> endpoint("rocketchat:loadHistory?" + BASE + "&limit=0")).hasMessageContaining("limit must be positive");
    }

    private void addRoute(String from, String to) throws Exception {
        context.stop();
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
        context.start();
    }

    @Test
    void aConsumerOnAMethodNameFailsAndListsTheStreams() {
        assertThatThrownBy(() -> addRoute("rocketchat:sendMessage?" + BASE, "log:x"))
                .rootCause().hasMessageContaining("rocketchat:sendMessage is a method: use it as a producer")
                .hasMessageContaining("stream-room-messages").hasMessageContaining("stream-user-presence");
    }

    @Test
    void aProducerOnAReadOnlyStreamFailsAndListsTheMethods() {
        assertThatThrownBy(() -> addRoute("direct:in", "rocketchat:stream-room-messages?" + BASE)).rootCause().hasMessageContaining("rocketchat:stream-room-messages is a read-only stream")
                .hasMessageContaining("sendMessage").hasMessageContaining("stream-notify-room");
    }

    @Test
    void consumersNeedTheOptionsOfTheirStream() {
        assertThatThrownBy(() -> addRoute("rocketchat:stream-room-messages?" + BASE, "log:x"))
                .rootCause().hasMessageContaining("needs roomId (a room id or __my_messages__) or roomName");
        assertThatThrownBy(() -> addRoute("rocketchat:stream-notify-room?" + BASE + "&roomId=R", "log:x"))
                .rootCause().hasMessageContaining("and event (user-activity");
        assertThatThrownBy(() -> addRoute("rocketchat:stream-notify-user?" + BASE, "log:x"))
                .rootCause().hasMessageContaining("needs event (notification");
        assertThatThrownBy(() -> addRoute("rocketchat:stream-user-presence?" + BASE, "log:x"))
                .rootCause().hasMessageContaining("needs userIds");
    }

}
