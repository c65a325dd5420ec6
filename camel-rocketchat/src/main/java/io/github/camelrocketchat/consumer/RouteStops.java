package io.github.camelrocketchat.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a consumer's route and stops it from a thread of its own: a consumer cannot stop its route on its delivery
 * executor (stopping waits for that executor) nor on the DDP callback thread (which must return at once).
 */
final class RouteStops {
    private static final Logger LOG = LoggerFactory.getLogger(RouteStops.class);

    private RouteStops() {
    }

    /**
     * The id of the route {@code consumer} feeds: its own route id, or, for a consumer started by another one (as
     * {@code master:} starts the consumer of the endpoint it wraps, without a route id), the route whose processor
     * it was given. Null when none is found.
     */
    static String routeIdOf(DefaultConsumer consumer) {
        if (consumer.getRouteId() != null) {
            return consumer.getRouteId();
        }
        CamelContext context = consumer.getEndpoint().getCamelContext();
        for (Route r : context.getRoutes()) {
            if (r.getProcessor() == consumer.getProcessor() || r.getConsumer() == consumer) {
                return r.getRouteId();
            }
        }
        return null;
    }

    /**
     * Stops {@code routeId} and marks it failed with {@code cause} (its health is DOWN), on a new thread. Behind
     * {@code master:} the stopped route gives up its lock, so another node takes over.
     */
    static void stopAsync(CamelContext context, String routeId, Throwable cause) {
        if (routeId == null) {
            LOG.warn("Cannot stop the route of a Rocket.Chat consumer whose session gave up: no route found");
            return;
        }
        Thread t = context.getExecutorServiceManager().newThread("RocketChatConsumerStop[" + routeId + "]", () -> {
            try {
                LOG.warn("Stopping route {}: its Rocket.Chat session gave up reconnecting ({})", routeId, cause.getMessage());
                context.getRouteController().stopRoute(routeId, cause);
            } catch (Exception e) {
                LOG.warn("Stopping route {} after its Rocket.Chat session gave up failed: {}", routeId, e.toString(), e);
            }
        });
        t.start();
    }
}
