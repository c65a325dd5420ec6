package io.github.camelrocketchat.examples;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertFormatterTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private final AlertFormatter formatter = new AlertFormatter();

    private static HealthSample sample(long freeGib, long heapUsedMib) {
        return new HealthSample("db-1", freeGib * GIB, 100 * GIB, heapUsedMib * 1024 * 1024, 1000L * 1024 * 1024,
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void levels() {
        assertThat(formatter.level(sample(50, 100))).isEqualTo("ok");
        assertThat(formatter.level(sample(20, 100))).isEqualTo("warning");
        assertThat(formatter.level(sample(50, 900))).isEqualTo("warning");
        assertThat(formatter.level(sample(5, 100))).isEqualTo("critical");
    }

    @Test
    @SuppressWarnings("unchecked")
    void formatsTextAndAttachment() {
        Map<String, Object> doc = formatter.format(sample(5, 250));
        assertThat(doc.get("msg")).isEqualTo("*CRITICAL*: disk 5 % free, heap 25 % used on db-1");
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) doc.get("attachments");
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a.get("title")).isEqualTo("Health of db-1: critical");
            assertThat(a.get("color")).isEqualTo("#d32f2f");
            assertThat((List<Map<String, Object>>) a.get("fields")).extracting(f -> f.get("value"))
                    .containsExactly("5 % (5.0 GiB of 100.0 GiB)", "25 % (250 MiB of 1000 MiB)");
        });
    }
}
