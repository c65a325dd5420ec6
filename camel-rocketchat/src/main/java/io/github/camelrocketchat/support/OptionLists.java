package io.github.camelrocketchat.support;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated option values ({@code members}, {@code userIds}) as lists. */
public final class OptionLists {
    private OptionLists() {
    }

    /** The trimmed, non-blank items of {@code csv}; empty for null. */
    public static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String p : csv.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return List.copyOf(out);
    }
}
