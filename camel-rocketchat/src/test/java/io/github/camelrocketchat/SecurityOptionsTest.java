package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.session.ClosedPort;
import io.github.camelrocketchat.session.FakeDdpConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The security options over a scripted DDP connection: {@code totpSecret} (validated, hidden, on the connection key
 * only as a hash) and {@code allowSessionMethods} (a producer refuses logout and the other methods that end the
 * shared login, unless allowed).
 */
class SecurityOptionsTest extends CamelTestSupport {
    private static final String TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private final String server = "serverUrl=" + ClosedPort.webSocketUrl() + "&username=bot&password=pw";
    private final List<FakeDdpConnection> sockets = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        RocketChatComponent component = new RocketChatComponent();
        component.setConnectionFactory(options -> {
            FakeDdpConnection c = new FakeDdpConnection();
            sockets.add(c);
            return c.use(options);
        });
        ctx.addComponent("rocketchat", component);
        return ctx;
    }

    private List<String> methodsCalled() {
        return sockets.stream().flatMap(s -> s.calls.stream()).map(FakeDdpConnection.Call::method).toList();
    }

    @Test
    void logoutIsRefusedAtRouteStartUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:logout").routeId("logout").to("rocketchat:logout?" + server);
            }
        })).hasStackTraceContaining("rocketchat:logout is refused")
                .hasStackTraceContaining("allowSessionMethods=true");
        assertThat(methodsCalled()).doesNotContain("logout");

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:allowed").to("rocketchat:logout?" + server + "&allowSessionMethods=true");
            }
        });
        Exchange done = template.send("direct:allowed", e -> e.getMessage().setBody(List.of()));
        assertThat(done.getException()).isNull();
        assertThat(methodsCalled()).contains("logout");
    }

    @Test
    void theMethodHeaderCannotTurnAProducerIntoALogout() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:any").to("rocketchat:rooms/get?" + server);
            }
        });
        for (String method : List.of("logout", "login", "logoutOtherClients", "deleteUserOwnAccount")) {
            Exchange refused = template.send("direct:any", e -> e.getMessage().setHeader(RocketChatConstants.METHOD, method));
            assertThat(refused.getException()).as(method).isInstanceOf(RocketChatInvalidInputException.class)
                    .hasMessageContaining("rocketchat:" + method + " is refused").hasMessageContaining("allowSessionMethods");
            assertThat(((RocketChatException) refused.getException()).getError()).isEqualTo("session-method-refused");
        }
        assertThat(methodsCalled()).doesNotContain("logout", "login", "logoutOtherClients", "deleteUserOwnAccount");
        Exchange fine = template.send("direct:any", e -> e.getMessage().setHeader(RocketChatConstants.METHOD, "rooms/get"));
        assertThat(fine.getException()).isNull();
    }

    @Test
    void theTotpSecretIsValidatedHiddenAndSplitsConnectionsOnlyAsAHash() {
        RocketChatEndpoint e = context.getEndpoint("rocketchat:sendMessage?" + server + "&totpSecret=" + TOTP, RocketChatEndpoint.class);
        assertThat(e.getConfiguration().getTotpSecret()).isEqualTo(TOTP);
        assertThat(e.toString()).doesNotContain(TOTP);
        assertThat(e.getConfiguration().toString()).doesNotContain(TOTP).contains("totpSecret=******");
        assertThat(RocketChatEndpoint.connectionKey(e.getConfiguration()).toString()).doesNotContain(TOTP);
        RocketChatEndpoint plain = context.getEndpoint("rocketchat:sendMessage?" + server, RocketChatEndpoint.class);
        assertThat(RocketChatEndpoint.connectionKey(e.getConfiguration())).isNotEqualTo(RocketChatEndpoint.connectionKey(plain.getConfiguration()));

        assertThatThrownBy(() -> context.getEndpoint("rocketchat:sendMessage?" + server + "&totpSecret=JBSWY3DPEHPK3PX1JBSWY3DP"))
                .hasMessageContaining("totpSecret is not base32").hasMessageNotContaining("JBSWY3DP");
        assertThatThrownBy(() -> context.getEndpoint("rocketchat:sendMessage?serverUrl=https://chat.example.test&authToken=t&userId=u"
                + "&totpSecret=" + TOTP)).hasMessageContaining("totpSecret goes with username and password")
                .hasMessageNotContaining(TOTP);
    }

    @Test
    void theConfigurationMasksAServerUrlWithUserInfo() {
        RocketChatConfiguration c = new RocketChatConfiguration();
        c.setServerUrl("https://bot:Qx7#Zw9@chat.example.test/x?token=abc");
        assertThat(c.toString()).contains("serverUrl=https://***@chat.example.test/x?***").doesNotContain("Qx7")
                .doesNotContain("Zw9").doesNotContain("abc");
    }
}
