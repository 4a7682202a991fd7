package dev.camelovershoot.component;

import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;

/**
 * Readiness of an Overshoot consumer, {@code consumer:overshoot-<routeId>}: UP while its stream's results channel is
 * connected (and those of the name's keyed streams), else DOWN with why, the last error, the attempt count and how
 * long the stream has not been live, or the keys not connected.
 */
final class OvershootConsumerHealthCheck extends StreamHealth.Check {

    private HealthCheckRegistry registry;

    private OvershootConsumerHealthCheck(OvershootEndpoint endpoint, StreamHealth.Subject subject, String routeId) {
        super("consumer:overshoot-" + routeId, endpoint, subject, routeId);
    }

    /**
     * Gives a started consumer (v0.2 or v1) of the endpoint its check, reporting where its streams (the named one and
     * the keyed ones, as {@code subject} says) stand, when the context has Camel's consumers repository. That repository calls the check through the route
     * only while the consumer is its route's own and the route is started by Camel. A consumer run by the cluster
     * ({@code master:} makes it inside another consumer; a {@code ClusteredRoutePolicy} starts the route outside
     * Camel's route controller) would not be seen, so its check goes into the health-check registry, for as long as
     * this node pulls the camera: a follower has none.
     *
     * @return the check, to {@link #detach()} when the consumer stops; null without a consumers repository
     */
    static OvershootConsumerHealthCheck attach(DefaultConsumer consumer, OvershootEndpoint endpoint,
                                               StreamHealth.Subject subject) {
        CamelContext context = endpoint.getCamelContext();
        if (HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class) == null) {
            return null;
        }
        Route route = routeOf(consumer, endpoint);
        OvershootConsumerHealthCheck check = new OvershootConsumerHealthCheck(endpoint, subject,
                route != null ? route.getRouteId() : endpoint.getStreamName());
        check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
        consumer.setHealthCheck(check);
        boolean seenByCamel = route != null && route.getConsumer() == consumer
                              && (route.isAutoStartup() || route.getRouteController() != null);
        if (!seenByCamel) {
            check.registry = HealthCheckRegistry.get(context);
            if (check.registry != null) {
                check.registry.register(check);
            }
        }
        return check;
    }

    /** Removes the check from the registry, if {@link #attach} put it there. */
    void detach() {
        if (registry != null) {
            registry.unregister(this);
            registry = null;
        }
    }

    /** The consumer's route: its own, or under {@code master:} the one whose endpoint delegates to this endpoint. */
    private static Route routeOf(DefaultConsumer consumer, OvershootEndpoint endpoint) {
        if (consumer.getRoute() != null) {
            return consumer.getRoute();
        }
        if (consumer.getRouteId() != null) {
            return endpoint.getCamelContext().getRoute(consumer.getRouteId());
        }
        return endpoint.getCamelContext().getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof DelegateEndpoint delegate
                                 && delegate.getEndpoint() == endpoint)
                .findFirst().orElse(null);
    }
}
