package io.github.camelrocketchat.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBotTest {

    private final CommandBot bot = new CommandBot(Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneId.of("Europe/Paris")));

    @Test
    void recognisesCommands() {
        assertThat(bot.isCommand("!help")).isTrue();
        assertThat(bot.isCommand("!echo hi")).isTrue();
        assertThat(bot.isCommand("!")).isFalse();
        assertThat(bot.isCommand("hello !help")).isFalse();
        assertThat(bot.isCommand("")).isFalse();
        assertThat(bot.isCommand(null)).isFalse();
    }

    @Test
    void answers() {
        assertThat(bot.answer("!help")).isEqualTo(CommandBot.HELP);
        assertThat(bot.answer("!HELP")).isEqualTo(CommandBot.HELP);
        assertThat(bot.answer("!echo  hello, Camel ")).isEqualTo("hello, Camel");
        assertThat(bot.answer("!echo")).contains("needs some text");
        assertThat(bot.answer("!time")).isEqualTo("It is Friday 14 March 2025, 09:26:53 UTC.");
        assertThat(bot.answer("!deploy prod")).isEqualTo("I do not know `!deploy`. Try `!help`.");
    }
}
