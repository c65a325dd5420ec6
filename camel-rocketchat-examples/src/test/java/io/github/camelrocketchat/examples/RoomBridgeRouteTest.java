package io.github.camelrocketchat.examples;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Route 2 as written in camel/room-bridge.camel.yaml. */
class RoomBridgeRouteTest extends ExampleTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:camel/room-bridge.camel.yaml"));
        return context;
    }

    @AfterEach
    void hardDeletes() {
        server().setShowDeletedStatus(false);
    }

    @Test
    void mirrorsFollowsTheEditAndTheHardDeletion() throws Exception {
        String original = server().as("bob").send("demo", "The deploy starts at 5 pm");
        var mirror = see("the mirror", byBotIn("demo-mirror").and(s -> "created".equals(s.event())));
        assertThat(mirror.message().text()).isEqualTo("*bob*: The deploy starts at 5 pm");
        String mirrorId = mirror.message().id();

        server().as("bob").edit(original, "The deploy starts at 6 pm");
        see("the edited mirror", s -> mirrorId.equals(s.message().id()) && "edited".equals(s.event()));
        assertThat(server().messageText(mirrorId)).isEqualTo("*bob*: The deploy starts at 6 pm");

        NotifyBuilder twoDeletions = new NotifyBuilder(context).from("direct:bridge-delete").whenDone(2).create();
        server().as("bob").delete(original);   // a hard delete: stream-notify-room deleteMessage
        awaitGone(mirrorId);
        // the deletion reached the bridge once: a second copy would come before this later message's mirror
        server().as("bob").send("demo", "after the deletion");
        see("the later mirror", byBotIn("demo-mirror").and(s -> s.message().text().endsWith("after the deletion")));
        assertThat(twoDeletions.matches()).isFalse();
    }

    @Test
    void anEditRightAfterTheMessageIsNotLost() throws Exception {
        // the edit arrives while the mirror is still being sent: the consumer must not take it before that is done
        String original = server().as("bob").send("demo", "typo");
        server().as("bob").edit(original, "fixed");
        var edited = see("the edited mirror", byBotIn("demo-mirror").and(s -> "edited".equals(s.event())));
        assertThat(edited.message().text()).isEqualTo("*bob*: fixed");
    }

    @Test
    void followsDeletionsShownAsDeletedStatus() throws Exception {
        server().setShowDeletedStatus(true);
        String original = server().as("alice").send("demo", "short-lived");
        String mirrorId = see("the mirror", byBotIn("demo-mirror").and(s -> s.message().text().endsWith("short-lived")))
                .message().id();

        server().as("alice").delete(original); // t:"rm" on stream-room-messages
        see("the deleted mirror", s -> mirrorId.equals(s.message().id()) && "deleted".equals(s.event()));
    }

    @Test
    void threadRepliesGoIntoTheMirrorThreadAndNothingLoops() throws Exception {
        String question = server().as("bob").send("demo", "Anyone?");
        String mirrorQuestion = see("the mirrored question", byBotIn("demo-mirror").and(s -> s.message().text().endsWith("Anyone?")))
                .message().id();
        server().as("alice").replyInThread("demo", question, "Me!", false);
        var reply = see("the mirrored reply", byBotIn("demo-mirror").and(s -> s.message().text().endsWith("Me!")));
        assertThat(reply.message().threadId()).isEqualTo(mirrorQuestion);

        // the bot's own message in the source room is not copied (skipOwnMessages), nor anything in the mirror room
        template.sendBodyAndHeader("rocketchat:sendMessage?roomName=demo", "from the bridge account itself",
                "CamelRocketChatRoomName", "demo");
        server().as("bob").send("demo-mirror", "written in the mirror room");
        server().as("bob").send("demo", "last");
        see("the last mirror", byBotIn("demo-mirror").and(s -> s.message().text().endsWith("last")));
        // created events only: the mirrored question is re-sent as "updated" when its thread gets a reply
        List<String> mirrored = seen.all().stream().filter(byBotIn("demo-mirror").and(s -> "created".equals(s.event())))
                .map(s -> s.message().text()).toList();
        assertThat(mirrored).containsExactly("*bob*: Anyone?", "*alice*: Me!", "*bob*: last");
    }

    private void awaitGone(String messageId) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> server().messageText(messageId) == null);
    }
}
