package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.catalog.impl.DefaultRuntimeCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proves the files camel-component-maven-plugin generated are found and used at runtime. */
class GeneratedMetadataTest {
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theComponentIsFoundByItsScheme() {
        assertThat(context.getComponent("rocketchat")).isInstanceOf(RocketChatComponent.class);
    }

    @Test
    void theEndpointConfigurerIsTheGeneratedOne() {
        PropertyConfigurer c = PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("rocketchat-endpoint", context);
        assertThat(c).isInstanceOf(RocketChatEndpointConfigurer.class);
        RocketChatEndpoint e = context.getEndpoint("rocketchat:sendMessage?serverUrl=ws://h/websocket&username=u&password=p",
                RocketChatEndpoint.class);
        assertThat(c.configure(context, e, "roomName", "general", true)).isTrue();
        assertThat(e.getConfiguration().getRoomName()).isEqualTo("general");
    }

    @Test
    void theUriFactoryBuildsUrisAndKnowsTheSecrets() throws Exception {
        EndpointUriFactory f = context.getCamelContextExtension().getEndpointUriFactory("rocketchat");
        assertThat(f).isInstanceOf(RocketChatEndpointUriFactory.class);
        assertThat(f.secretPropertyNames()).containsExactlyInAnyOrder("authToken", "password", "totpSecret");
        assertThat(f.propertyNames()).contains("name", "serverUrl", "roomId", "messageEvents", "transport");
        assertThat(f.isLenientProperties()).isFalse();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", "stream-room-messages");
        props.put("roomId", "GENERAL");
        props.put("serverUrl", "ws://localhost:3000/websocket");
        String uri = f.buildUri("rocketchat", props);
        assertThat(uri).startsWith("rocketchat:stream-room-messages?").contains("roomId=GENERAL");
    }

    @Test
    void theCatalogJsonListsOptionsHeadersAndSecrets() throws Exception {
        String json = ((CatalogCamelContext) context).getComponentParameterJsonSchema("rocketchat");
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.at("/component/scheme").asText()).isEqualTo("rocketchat");
        assertThat(root.at("/component/syntax").asText()).isEqualTo("rocketchat:name");
        assertThat(root.at("/component/label").asText()).isEqualTo("chat");
        assertThat(root.at("/properties/password/secret").asBoolean()).isTrue();
        assertThat(root.at("/properties/authToken/secret").asBoolean()).isTrue();
        assertThat(root.at("/properties/totpSecret/secret").asBoolean()).isTrue();
        assertThat(root.at("/componentProperties/totpSecret/secret").asBoolean()).isTrue();
        assertThat(root.at("/properties/serverUrl/required").asBoolean()).isTrue();
        assertThat(root.at("/properties/transport/enum").toString()).isEqualTo("[\"auto\",\"ddp\",\"rest\"]");
        assertThat(root.at("/headers/CamelRocketChatMessageEvent/constantName").asText())
                .isEqualTo("io.github.camelrocketchat.RocketChatConstants#MESSAGE_EVENT");
        assertThat(root.at("/componentProperties/useGlobalSslContextParameters").isMissingNode()).isFalse();
    }

    @Test
    void everyHeaderConstantIsInTheCatalogAndNamedCamelRocketChat() throws Exception {
        JsonNode headers = new ObjectMapper().readTree(((CatalogCamelContext) context).getComponentParameterJsonSchema("rocketchat")).get("headers");
        Set<String> inJson = new HashSet<>();
        for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
            inJson.add(it.next());
        }
        Set<String> inClass = new HashSet<>();
        for (Field f : RocketChatConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                inClass.add((String) f.get(null));
            }
        }
        assertThat(inClass).allMatch(h -> h.startsWith("CamelRocketChat"));
        assertThat(inJson).isEqualTo(inClass);
    }

    @Test
    void theRuntimeCatalogValidatesEndpointUris() {
        DefaultRuntimeCamelCatalog catalog = new DefaultRuntimeCamelCatalog();
        catalog.setCamelContext(context);
        catalog.start();
        assertThat(catalog.validateEndpointProperties("rocketchat:sendMessage?serverUrl=ws://h/websocket&roomId=R").isSuccess()).isTrue();
        assertThat(catalog.validateEndpointProperties("rocketchat:sendMessage?serverUrl=ws://h/websocket&colour=red").getUnknown())
                .containsExactly("colour");
        assertThat(catalog.validateEndpointProperties("rocketchat:sendMessage?serverUrl=ws://h/websocket&transport=grpc").getInvalidEnum())
                .containsKey("transport");
    }
}
