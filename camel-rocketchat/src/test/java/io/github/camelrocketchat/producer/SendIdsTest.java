package io.github.camelrocketchat.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The client-chosen id of a send survives a redelivery of its exchange, and only that. */
class SendIdsTest {
    private final CamelContext context = new DefaultCamelContext();

    @Test
    void aRetryOfTheSameExchangeReusesTheIdUntilTheSendWentThrough() {
        Exchange ex = new DefaultExchange(context);
        String first = SendIds.forSend(ex, "rocketchat://sendMessage?roomId=A");
        assertThat(SendIds.forSend(ex, "rocketchat://sendMessage?roomId=A")).isEqualTo(first);
        assertThat(SendIds.forSend(ex, "rocketchat://sendMessage?roomId=B")).isNotEqualTo(first);
        SendIds.sent(ex, "rocketchat://sendMessage?roomId=A");
        assertThat(SendIds.forSend(ex, "rocketchat://sendMessage?roomId=A")).isNotEqualTo(first);
    }

    @Test
    void copiesOfAnExchangeSendTheirOwnMessages() {
        Exchange parent = new DefaultExchange(context);
        String parentId = SendIds.forSend(parent, "e");
        // a splitter's copy shares the property map (a shallow copy) but has its own exchange id
        Exchange part = parent.copy();
        Exchange part2 = new DefaultExchange(context, ExchangePattern.InOnly);
        part2.getProperties().putAll(parent.getProperties());
        assertThat(SendIds.forSend(part, "e")).isNotEqualTo(parentId);
        assertThat(SendIds.forSend(part2, "e")).isNotEqualTo(parentId).isNotEqualTo(SendIds.forSend(part, "e"));
        assertThat(SendIds.forSend(parent, "e")).isEqualTo(parentId);
    }
}
