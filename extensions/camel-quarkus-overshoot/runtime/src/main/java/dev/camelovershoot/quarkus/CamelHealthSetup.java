package dev.camelovershoot.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.jboss.logging.Logger;

/**
 * Gives Camel a health-check registry with its consumers repository before the routes start, so the overshoot
 * consumers register their checks: without camel-quarkus-microprofile-health (which does not resolve here) Camel
 * Quarkus sets up neither. Registered with {@link OvershootReadinessCheck}.
 */
@ApplicationScoped
public class CamelHealthSetup {

    private static final Logger LOG = Logger.getLogger(CamelHealthSetup.class);

    void onStarting(@Observes CamelEvent.CamelContextStartingEvent event) {
        CamelContext context = event.getContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            registry = new DefaultHealthCheckRegistry(context);
            context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
            LOG.debug("Camel health-check registry added for the overshoot: health checks");
        }
        if (registry.getRepository("consumers").isEmpty()) {
            registry.register(new ConsumersHealthCheckRepository());
            LOG.debug("Camel consumers health-check repository added for the overshoot: health checks");
        }
    }
}
