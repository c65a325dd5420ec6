package io.github.camelrocketchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.model.ChatMessage;
import io.github.camelrocketchat.model.Notification;
import io.github.camelrocketchat.model.RoomChanged;
import io.github.camelrocketchat.model.SubscriptionChanged;
import io.github.camelrocketchat.model.UserActivity;
import io.github.camelrocketchat.model.UserPresence;
import io.github.camelrocketchat.model.UserStatus;
import io.github.camelrocketchat.testserver.RocketChatTestServer;
import io.github.camelrocketchat.testserver.RocketChatTestServerExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notify streams, presence and classic publications against the test server (MONOLITH_8), with typing and
 * statuses written by one route and read by another user's consumer.
 */
class LiveStreamsTest extends LiveTestSupport {

    @RegisterExtension
    static RocketChatTestServerExtension rocketChat = new RocketChatTestServerExtension();

    @BeforeAll
    static void data() {
        RocketChatTestServer server = rocketChat.server();
        server.addUser("bot", "bot-pass", "Bot", "bot");
        server.addUser("bob", "bob-pass");
        server.addUser("carl", "carl-pass");
        server.createChannel("ops", "bob", "bot");
    }

    @Override
    RocketChatTestServer server() {
        return rocketChat.server();
    }

    private String bot() {
        return as("bot", "bot-pass");
    }

    @Test
    void typingSentByOneRouteIsReceivedByAnotherUsersConsumer() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-notify-room?" + as("bob", "bob-pass") + "&roomName=ops&event=user-activity")
                    .to("mock:activity");
            b.from("direct:typing").to("rocketchat:stream-notify-room?" + bot() + "&roomName=ops");
        });
        MockEndpoint activity = getMockEndpoint("mock:activity");
        activity.expectedMessageCount(2);
        template.sendBody("direct:typing", true);
        template.sendBody("direct:typing", false);
        activity.assertIsSatisfied(10_000);
        Exchange typing = activity.getExchanges().get(0);
        assertThat(typing.getMessage().getBody(UserActivity.class).activities()).containsExactly("user-typing");
        assertThat(typing.getMessage().getHeader(RocketChatConstants.USERNAME)).isEqualTo("bot");
        assertThat(typing.getMessage().getHeader(RocketChatConstants.ROOM_ID)).isEqualTo(server().roomId("ops"));
        assertThat(typing.getMessage().getHeader(RocketChatConstants.EVENT_NAME)).isEqualTo(server().roomId("ops") + "/user-activity");
        assertThat(activity.getExchanges().get(1).getMessage().getBody(UserActivity.class).typing()).isFalse();
    }

    @Test
    void notifyUserEventsAreTyped() throws Exception {
        routes(b -> {
            b.from("rocketchat:stream-notify-user?" + bot() + "&event=notification").to("mock:notification");
            b.from("rocketchat:stream-notify-user?" + bot() + "&event=rooms-changed").to("mock:rooms");
            b.from("rocketchat:stream-notify-user?" + bot() + "&event=subscriptions-changed").to("mock:subscriptions");
            b.from("rocketchat:stream-notify-user?" + bot() + "&event=message").to("mock:ephemeral");
            b.from("direct:send").to("rocketchat:sendMessage?" + bot());
        });
        MockEndpoint notification = getMockEndpoint("mock:notification");
        notification.expectedMessageCount(1);
        MockEndpoint rooms = getMockEndpoint("mock:rooms");
        rooms.expectedMinimumMessageCount(1);
        MockEndpoint subscriptions = getMockEndpoint("mock:subscriptions");
        subscriptions.expectedMinimumMessageCount(1);
        MockEndpoint ephemeral = getMockEndpoint("mock:ephemeral");
        ephemeral.expectedMessageCount(1);

        server().createChannel("incidents", "bob");
        server().as("bob").addToRoom("incidents", "bot");
        server().as("bob").send("ops", "@bot please look");
        // sending into a room the bot cannot post to: Rocket.Chat answers with a rocket.cat ephemeral message
        server().setReadOnly("ops", true);
        try {
            Exchange refused = call("direct:send", "read-only?", RocketChatConstants.ROOM_ID, server().roomId("ops"));
            // sendMessage swallows this error: no result, only the ephemeral notice below. The producer reports the
            // missing result itself, as the base class: the server named no kind of failure
            assertThat(refused.getException()).isExactlyInstanceOf(RocketChatException.class);
            RocketChatException e = (RocketChatException) refused.getException();
            assertThat(e.getError()).isEqualTo("no-result");
            assertThat(e.getMethod()).isEqualTo("sendMessage");
        } finally {
            server().setReadOnly("ops", false);
        }
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, notification, rooms, subscriptions, ephemeral);

        Notification n = notification.getExchanges().get(0).getMessage().getBody(Notification.class);
        assertThat(n.roomId()).isEqualTo(server().roomId("ops"));
        assertThat(n.sender().username()).isEqualTo("bob");
        assertThat(notification.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.USERNAME)).isEqualTo("bob");

        assertThat(rooms.getExchanges()).extracting(e -> e.getMessage().getBody(RoomChanged.class))
                .anySatisfy(r -> assertThat(r.room().name()).isEqualTo("incidents"));
        assertThat(subscriptions.getExchanges()).extracting(e -> e.getMessage().getBody(SubscriptionChanged.class))
                .anySatisfy(s -> {
                    assertThat(s.action()).isEqualTo("inserted");
                    assertThat(s.subscription().roomId()).isEqualTo(server().roomId("incidents"));
                });
        assertThat(subscriptions.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.ACTION)).isNotNull();

        ChatMessage notice = ephemeral.getExchanges().get(0).getMessage().getBody(ChatMessage.class);
        assertThat(notice.author().username()).isEqualTo("rocket.cat");
        assertThat(notice.roomId()).isEqualTo(server().roomId("ops"));
    }

    @Test
    void statusesAreSetAndSeenOnUserStatusAndPresence() throws Exception {
        String botId = server().userId("bot");
        routes(b -> {
            b.from("rocketchat:stream-notify-logged?" + as("carl", "carl-pass") + "&event=user-status").to("mock:status");
            b.from("rocketchat:stream-user-presence?" + as("carl", "carl-pass") + "&userIds=" + botId).to("mock:presence");
            b.from("direct:default").to("rocketchat:UserPresence:setDefaultStatus?" + bot());
            b.from("direct:status").to("rocketchat:setUserStatus?" + bot());
        });
        MockEndpoint status = getMockEndpoint("mock:status");
        MockEndpoint presence = getMockEndpoint("mock:presence");
        status.expectedMinimumMessageCount(2);
        presence.expectedMinimumMessageCount(2);
        assertThat(call("direct:default", "busy").getException()).isNull();
        assertThat(call("direct:status", "away", RocketChatConstants.STATUS_TEXT, "lunch").getException()).isNull();
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, status, presence);

        List<UserStatus> statuses = status.getExchanges().stream().map(e -> e.getMessage().getBody(UserStatus.class))
                .filter(s -> botId.equals(s.userId())).toList();
        assertThat(statuses).extracting(UserStatus::status).containsSubsequence("busy", "away");
        assertThat(statuses).last().extracting(UserStatus::statusText).isEqualTo("lunch");
        List<UserPresence> seen = presence.getExchanges().stream().map(e -> e.getMessage().getBody(UserPresence.class)).toList();
        assertThat(seen).allSatisfy(p -> assertThat(p.userId()).isEqualTo(botId));
        assertThat(seen).extracting(UserPresence::status).contains("busy", "away");
        assertThat(presence.getExchanges().get(0).getMessage().getHeader(RocketChatConstants.USER_ID)).isEqualTo(botId);
    }

    @Test
    void aClassicPublicationDeliversMergedDocuments() throws Exception {
        routes(b -> b.from("rocketchat:meteor.loginServiceConfiguration?" + bot() + "&params=RAW([])&collection=users")
                .to("mock:users"));
        assertThat(server().subscriptionCount("meteor.loginServiceConfiguration")).isEqualTo(1);
        MockEndpoint users = getMockEndpoint("mock:users");
        users.expectedMessageCount(1);
        server().as("bot").changeName("Deploy Bot");
        users.assertIsSatisfied(10_000);
        Exchange e = users.getExchanges().get(0);
        assertThat(e.getMessage().getBody(Map.class)).containsEntry("name", "Deploy Bot");
        assertThat(e.getMessage().getHeader(RocketChatConstants.CHANGE_TYPE)).isEqualTo("changed");
        assertThat(e.getMessage().getHeader(RocketChatConstants.DOCUMENT_ID)).isEqualTo(server().userId("bot"));
        assertThat(e.getMessage().getHeader(RocketChatConstants.COLLECTION)).isEqualTo("users");
    }

    @Test
    void aClassicPublicationWithoutACollectionDeliversEveryCollectionNamingIt() throws Exception {
        routes(b -> b.from("rocketchat:meteor.loginServiceConfiguration?" + bot() + "&params=RAW([])")
                .to("mock:any"));
        MockEndpoint any = getMockEndpoint("mock:any");
        any.expectedMinimumMessageCount(1);
        server().as("bot").changeName("Any Bot");
        any.assertIsSatisfied(10_000);
        Exchange e = any.getExchanges().stream()
                .filter(x -> "changed".equals(x.getMessage().getHeader(RocketChatConstants.CHANGE_TYPE))).findFirst().orElseThrow();
        assertThat(e.getMessage().getHeader(RocketChatConstants.COLLECTION)).isEqualTo("users");
        assertThat(e.getMessage().getBody(Map.class)).containsEntry("name", "Any Bot");
    }
}
