package io.github.camelrocketchat.examples;

import io.github.camelrocketchat.model.ChatMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Simple forms users reach for to get the text of a {@link ChatMessage} body. {@code ${body.text}} used to pick a
 * static factory named {@code text(String, String)} instead of the accessor; the factory is now {@code ofText}.
 */
class SimpleOnModelTest {

    @Test
    void theTextOfAMessageInSimple() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            var exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(ChatMessage.ofText("GENERAL", "hello"));
            assertThat(context.resolveLanguage("simple").createExpression("${bodyAs(String)}").evaluate(exchange, String.class))
                    .isEqualTo("hello");
            assertThat(context.resolveLanguage("simple").createExpression("${body.text()}").evaluate(exchange, String.class))
                    .isEqualTo("hello");
            assertThat(context.resolveLanguage("simple").createExpression("${body.text}").evaluate(exchange, String.class))
                    .isEqualTo("hello");
        }
    }
}
