package io.github.camelrocketchat.examples;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The answers of the command bot (route 1): plain text in, plain text out, no Camel in sight. */
public class CommandBot {

    static final String HELP = "I know three commands: `!help` (this text), `!echo <text>` (I repeat the text), "
            + "`!time` (the time in UTC). Ask in a thread and I answer in the thread.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH);

    private final Clock clock;

    public CommandBot() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock {@code !time} reads (a fixed one in tests) */
    public CommandBot(Clock clock) {
        this.clock = clock;
    }

    /** True for a message that starts with {@code !}: everything else is chat the bot ignores. */
    public boolean isCommand(String text) {
        return text != null && text.startsWith("!") && text.length() > 1;
    }

    /** The reply to a command; an unknown command gets a hint rather than silence. */
    public String answer(String text) {
        String trimmed = text.trim();
        int space = trimmed.indexOf(' ');
        String command = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).trim();
        return switch (command) {
            case "!help" -> HELP;
            case "!echo" -> argument.isEmpty() ? "`!echo` needs some text, e.g. `!echo hello`" : argument;
            case "!time" -> "It is " + TIME.format(ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC)) + ".";
            default -> "I do not know `" + command + "`. Try `!help`.";
        };
    }
}
