package io.github.camelrocketchat.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link HealthSample} into a Rocket.Chat message document: a one-line summary as the text and the details
 * as a message attachment (title, colour, fields), the shape Rocket.Chat renders as a card.
 */
public class AlertFormatter {

    /** Below this much free disk, the alert is red. */
    static final int DISK_CRITICAL_PERCENT = 10;
    /** Below this much free disk (or above this much heap in use), the alert is amber. */
    static final int WARNING_PERCENT = 25;

    /** The level of a sample: ok, warning or critical. */
    public String level(HealthSample s) {
        if (s.diskFreePercent() < DISK_CRITICAL_PERCENT) {
            return "critical";
        }
        if (s.diskFreePercent() < WARNING_PERCENT || s.heapUsedPercent() > 100 - WARNING_PERCENT) {
            return "warning";
        }
        return "ok";
    }

    /** The message document for {@code rocketchat:sendMessage}: {@code msg} and {@code attachments}. */
    public Map<String, Object> format(HealthSample s) {
        String level = level(s);
        String colour = switch (level) {
            case "critical" -> "#d32f2f";
            case "warning" -> "#f9a825";
            default -> "#2e7d32";
        };
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("title", "Health of " + s.host() + ": " + level);
        attachment.put("color", colour);
        attachment.put("ts", s.takenAt().toString());
        attachment.put("fields", List.of(
                field("Disk free", s.diskFreePercent() + " % (" + gib(s.diskFreeBytes()) + " of " + gib(s.diskTotalBytes()) + ")"),
                field("Heap in use", s.heapUsedPercent() + " % (" + mib(s.heapUsedBytes()) + " of " + mib(s.heapMaxBytes()) + ")")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("msg", "*" + level.toUpperCase() + "*: disk " + s.diskFreePercent() + " % free, heap " + s.heapUsedPercent()
                + " % used on " + s.host());
        doc.put("attachments", List.of(attachment));
        return doc;
    }

    private static Map<String, Object> field(String title, String value) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("short", true);
        f.put("title", title);
        f.put("value", value);
        return f;
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
