package io.github.camelrocketchat.examples;

import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBotRouteTest extends ExampleTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new CommandBotRoute();
    }

    @Test
    void answersHelpAndEchoInTheRoom() throws Exception {
        server().as("bob").send("demo", "!help");
        see("the help", byBotIn("demo").and(s -> s.message().text().equals(CommandBot.HELP) && s.message().threadId() == null));

        server().as("bob").send("demo", "!echo hello, Camel");
        see("the echo", byBotIn("demo").and(s -> s.message().text().equals("hello, Camel")));
    }

    @Test
    void answersInTheThreadItWasAskedIn() throws Exception {
        String question = server().as("bob").send("demo", "Who is on call?");
        server().as("alice").replyInThread("demo", question, "!time", false);

        var answer = see("the time in the thread", byBotIn("demo").and(s -> s.message().text().startsWith("It is ")));
        assertThat(answer.message().threadId()).isEqualTo(question);
    }

    @Test
    void neverAnswersItselfNorChat() throws Exception {
        server().as("bob").send("demo", "just chatting, no command");
        server().as("bob").send("demo", "!echo !help");   // the bot says "!help": it must not answer that
        see("the bot saying !help", byBotIn("demo").and(s -> s.message().text().equals("!help")));
        server().as("bob").send("demo", "!echo done");
        see("the last answer", byBotIn("demo").and(s -> s.message().text().equals("done")));

        // the bot's "!help" reached its consumer before bob's "!echo done", and sends go out in order once the
        // first one chose its transport: an answer to itself would have come before "done"
        List<String> answers = seen.all().stream().filter(byBotIn("demo")).map(s -> s.message().text()).toList();
        assertThat(answers).containsExactly("!help", "done");
    }
}
