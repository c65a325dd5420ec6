package io.github.camelrocketchat.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Route 3, alerting: every {@code examples.alert-period} milliseconds a reading of the machine is posted to the
 * room {@code examples.alert-room} as a formatted alert with an attachment.
 */
public class AlertRoute extends RouteBuilder {

    @Override
    public void configure() {
        AlertFormatter formatter = new AlertFormatter();

        from("timer:health-check?delay={{examples.alert-delay}}&period={{examples.alert-period}}")
                .routeId("alerting")
                .setBody(method(HealthSample.class, "take"))
                .setBody(method(formatter, "format"))
                // alias and emoji change how the message is shown. Rocket.Chat 7.1+ refuses them (and attachments)
                // in the DDP sendMessage method, so the component posts this one through REST chat.sendMessage
                // on its own (transport=auto); on older servers it stays on DDP.
                .to("rocketchat:sendMessage?roomName={{examples.alert-room}}&alias=Health%20monitor&emoji=:rotating_light:")
                .log("alert posted to #{{examples.alert-room}} as ${header.CamelRocketChatMessageId}: ${bodyAs(String)}");
    }
}
