package dev.camelovershoot.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The overshoot: component's Camel health checks (one per consumer and producer, see docs/component.md) as one
 * readiness check in {@code /q/health}: up when every stream is connected, each check's state and message as data.
 * Registered by the deployment module only when the application has quarkus-smallrye-health.
 */
@Readiness
@ApplicationScoped
public class OvershootReadinessCheck implements org.eclipse.microprofile.health.HealthCheck {

    static final String NAME = "camel-overshoot";

    @Inject
    CamelContext context;

    @Override
    public HealthCheckResponse call() {
        List<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context).stream()
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

    private static boolean isOvershoot(String checkId) {
        return checkId.startsWith("consumer:overshoot-") || checkId.startsWith("producer:overshoot-");
    }
}
