package dev.camelovershoot.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The overshoot: component's Camel health checks (one per consumer and producer, see docs/component.md) as one
 * readiness check in {@code /q/health}: up when every stream is connected, each check's state and message as data.
 * The checks are called directly (consumers through their routes, producers through Camel's {@code producers}
 * repository): in Camel Quarkus, {@code HealthCheckHelper.invokeReadiness} was seen to return the context's check
 * only. Registered by the deployment module only when the application has quarkus-smallrye-health.
 */
@Readiness
@ApplicationScoped
public class OvershootReadinessCheck implements org.eclipse.microprofile.health.HealthCheck {

    static final String NAME = "camel-overshoot";

    @Inject
    CamelContext context;

    @Override
    public HealthCheckResponse call() {
        List<HealthCheck.Result> results = Stream.concat(consumerChecks(), producerChecks())
                .filter(check -> isOvershoot(check.getId()))
                .map(HealthCheck::call)
                .toList();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(results.stream().allMatch(result -> result.getState() == HealthCheck.State.UP));
        for (HealthCheck.Result result : results) {
            response.withData(result.getCheck().getId(), result.getState() + result.getMessage()
                    .map(message -> ": " + message).orElse(""));
        }
        return response.build();
    }

    private Stream<HealthCheck> consumerChecks() {
        return context.getRoutes().stream()
                .map(Route::getConsumer)
                .filter(HealthCheckAware.class::isInstance)
                .map(consumer -> ((HealthCheckAware) consumer).getHealthCheck())
                .filter(Objects::nonNull);
    }

    private Stream<HealthCheck> producerChecks() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        return producers == null ? Stream.empty() : producers.stream();
    }

    private static boolean isOvershoot(String checkId) {
        return checkId.startsWith("consumer:overshoot-") || checkId.startsWith("producer:overshoot-");
    }
}
