package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.StreamEvent;
import io.github.camelrocketchat.model.Values;
import java.util.List;

/**
 * One stream event as handed to consumers: where it came from (for headers) and its body, converted once per
 * event however many consumers receive it.
 *
 * @param stream    the stream, e.g. {@code stream-notify-room}
 * @param eventName the event name, e.g. {@code GENERAL/user-activity}
 * @param args      the event's args as received (deeply unmodifiable, never null)
 * @param body      the model record from {@link StreamBodies}, or the args list; deeply immutable either way, since
 *                  every consumer of the event gets this one object
 */
public record StreamDelivery(String stream, String eventName, List<Object> args, Object body) {

    static StreamDelivery of(StreamEvent event) {
        List<Object> args = Values.frozenList(event.args() == null ? List.of() : event.args());
        // the body is read from the frozen args: the parts it keeps are those very objects, not copies
        StreamEvent frozen = new StreamEvent(event.collection(), event.eventName(), args, event.id(), event.uid());
        Object body = StreamBodies.toBody(frozen);
        return new StreamDelivery(event.collection(), event.eventName(), args, body);
    }

    /** The same event with another body (one of several bodies a bulk event expands into). */
    public StreamDelivery withBody(Object other) {
        return new StreamDelivery(stream, eventName, args, other);
    }
}
