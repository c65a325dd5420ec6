package io.github.camelrocketchat.examples;

import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRouteTest extends ExampleTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new AlertRoute();
    }

    @Test
    void postsAFormattedAlertWithAnAttachment() throws Exception {
        var alert = see("an alert in #ops", byBotIn("ops"));

        assertThat(alert.message().text()).matches("\\*(OK|WARNING|CRITICAL)\\*: disk \\d+ % free, heap \\d+ % used on .+");
        // alias, emoji and attachments: the test server (8.0) refuses them over DDP, so this came through REST
        assertThat(alert.message().alias()).isEqualTo("Health monitor");
        assertThat(alert.message().emoji()).isEqualTo(":rotating_light:");
        assertThat(alert.message().attachments()).hasSize(1);
        Map<String, Object> attachment = alert.message().attachments().get(0);
        assertThat((String) attachment.get("title")).startsWith("Health of ");
        assertThat((List<?>) attachment.get("fields")).hasSize(2);
    }
}
