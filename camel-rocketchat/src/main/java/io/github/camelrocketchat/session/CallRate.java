package io.github.camelrocketchat.session;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client-side ceiling on how often one method is called: at most {@code calls} in any window of {@code per}.
 * Written like {@code 5/1s}, {@code 10/10s}, {@code 100/1m} or {@code 2/500ms}.
 *
 * @param calls calls allowed per window, at least 1
 * @param per   the window, at least 1 ms
 */
public record CallRate(int calls, Duration per) {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d*)\\s*(ms|s|m|h)\\s*");

    public CallRate {
        if (calls < 1) {
            throw new IllegalArgumentException("A call rate allows at least 1 call per window, was " + calls);
        }
        if (per == null || per.toMillis() < 1) {
            throw new IllegalArgumentException("A call rate's window is at least 1 ms, was " + per);
        }
    }

    /** Parses {@code 5/1s}; fails naming the text and the expected shape. */
    public static CallRate parse(String text) {
        Matcher m = text == null ? null : SPEC.matcher(text.toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("rateLimit '" + text + "' is not a rate: write calls/window, e.g. 5/1s, "
                    + "10/10s, 100/1m or 2/500ms");
        }
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        Duration per = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        try {
            return new CallRate(Integer.parseInt(m.group(1)), per);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("rateLimit '" + text + "' is out of range", e);
        }
    }

    @Override
    public String toString() {
        return calls + "/" + per.toMillis() + "ms";
    }
}
