package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.StreamEvent;
import java.util.List;

/**
 * One stream event as handed to consumers: where it came from (for headers) and its body, converted once per
 * event however many consumers receive it.
 *
 * @param stream    the stream, e.g. {@code stream-notify-room}
 * @param eventName the event name, e.g. {@code GENERAL/user-activity}
 * @param args      the event's args as received (unmodifiable, never null)
 * @param body      the model record from {@link StreamBodies}, or the args list
 */
public record StreamDelivery(String stream, String eventName, List<Object> args, Object body) {

    static StreamDelivery of(StreamEvent event) {
        return new StreamDelivery(event.collection(), event.eventName(), event.args(), StreamBodies.toBody(event));
    }

    /** The same event with another body (one of several bodies a bulk event expands into). */
    public StreamDelivery withBody(Object other) {
        return new StreamDelivery(stream, eventName, args, other);
    }
}
