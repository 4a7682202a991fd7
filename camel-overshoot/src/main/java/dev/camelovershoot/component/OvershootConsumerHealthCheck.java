package dev.camelovershoot.component;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an Overshoot consumer, {@code consumer:overshoot-<routeId>}: UP while its stream's results channel is
 * connected, else DOWN with why, the last error, the attempt count and how long the stream has not been live.
 */
final class OvershootConsumerHealthCheck extends AbstractHealthCheck {

    private final OvershootEndpoint endpoint;
    private final Supplier<StreamStatus> status;
    private final String routeId;
    private final Instant createdAt = Instant.now();

    OvershootConsumerHealthCheck(OvershootConsumer consumer, String routeId) {
        this(consumer.getEndpoint(), consumer::streamStatus, routeId);
    }

    /** A check of a consumer (v0.2 or v1) of the endpoint, reporting where {@code status} says its stream stands. */
    OvershootConsumerHealthCheck(OvershootEndpoint endpoint, Supplier<StreamStatus> status, String routeId) {
        super("camel", "consumer:overshoot-" + routeId);
        this.endpoint = endpoint;
        this.status = status;
        this.routeId = routeId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamHealth.report(builder, status.get(), endpoint, routeId, createdAt);
    }
}
