package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.StreamEvent;

/**
 * One stream event as handed to consumers: the raw event (for headers) and its body, converted once per
 * event however many consumers receive it.
 *
 * @param event the event as the DDP client gave it
 * @param body  the model record from {@link io.github.camelrocketchat.model.StreamBodies}, or the args list
 */
public record StreamDelivery(StreamEvent event, Object body) {
}
