package io.github.camelrocketchat.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stream-notify-user} {@code <uid>/subscriptions-changed}: {@code [action, subscription]}.
 *
 * @param action       {@code inserted}, {@code updated}, {@code removed} or {@code changed}
 * @param subscription the subscription ({@code removed} carries only {@code _id}, {@code u}, {@code rid}, {@code t})
 */
public record SubscriptionChanged(String action, RoomSubscription subscription) implements RocketChatModel {
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Values.put(out, "action", action);
        Values.put(out, "subscription", subscription == null ? null : subscription.toMap());
        return out;
    }
}
