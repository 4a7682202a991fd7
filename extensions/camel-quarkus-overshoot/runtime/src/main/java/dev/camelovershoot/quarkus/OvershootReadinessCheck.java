package dev.camelovershoot.quarkus;

import dev.camelovershoot.component.OvershootEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The overshoot: component's Camel health checks (one per consumer and producer, see docs/component.md) as one
 * readiness check in {@code /q/health}: up when every stream is connected, each check's state and message as data.
 * Camel's readiness results are asked for in full: at Camel's default exposure level, {@code invokeReadiness} reports
 * only the first check (the context's) while all are UP. Registered by the deployment module only when the
 * application has quarkus-smallrye-health.
 */
@Readiness
@ApplicationScoped
public class OvershootReadinessCheck implements org.eclipse.microprofile.health.HealthCheck {

    static final String NAME = "camel-overshoot";
    private static final String CONSUMER = "consumer:";

    @Inject
    CamelContext context;

    @Override
    public HealthCheckResponse call() {
        List<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(result -> isOvershoot(result.getCheck().getId()))
                .toList();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(results.stream().allMatch(result -> result.getState() == HealthCheck.State.UP));
        for (HealthCheck.Result result : results) {
            response.withData(result.getCheck().getId(), result.getState() + result.getMessage()
                    .map(message -> ": " + message).orElse(""));
        }
        return response.build();
    }

    /**
     * A producer's check has an id of ours, and so has a consumer's that is registered by itself (one the consumers
     * repository does not reach, such as a consumer run by Camel's cluster service); otherwise a consumer's is Camel's
     * {@code consumer:<routeId>} (the consumers repository wraps the consumer's own check), so its route tells.
     */
    private boolean isOvershoot(String checkId) {
        if (checkId.startsWith("producer:overshoot-") || checkId.startsWith("consumer:overshoot-")) {
            return true;
        }
        Route route = checkId.startsWith(CONSUMER) ? context.getRoute(checkId.substring(CONSUMER.length())) : null;
        return route != null && route.getEndpoint() instanceof OvershootEndpoint;
    }
}
