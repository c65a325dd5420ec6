package io.github.camelrocketchat;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Route tests against the Rocket.Chat test server: each class registers its own server (one per class, in the
 * dialect it studies) and adds its routes per test.
 */
abstract class LiveTestSupport extends CamelTestSupport {

    /** The server of the test class. */
    abstract RocketChatTestServer server();

    /** The connection options of a password login, for a URI query. */
    String as(String username, String password) {
        return "serverUrl=" + server().url() + "&username=" + username + "&password=" + password;
    }

    /** Adds routes to the running context (they start at once). */
    void routes(RouteBuilderBody body) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                body.configure(this);
            }
        });
    }

    /** Sends {@code body} to {@code uri} with headers given as name, value pairs; returns the exchange (exception set on failure). */
    Exchange call(String uri, Object body, Object... headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    @FunctionalInterface
    interface RouteBuilderBody {
        void configure(RouteBuilder b) throws Exception;
    }
}
