package dev.camelovershoot.component;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an Overshoot consumer, {@code consumer:overshoot-<routeId>}: UP while its stream's results channel is
 * connected, else DOWN with why, the last error, the attempt count and how long the stream has not been live.
 */
final class OvershootConsumerHealthCheck extends AbstractHealthCheck {

    private final OvershootConsumer consumer;
    private final String routeId;
    private final Instant createdAt = Instant.now();

    OvershootConsumerHealthCheck(OvershootConsumer consumer, String routeId) {
        super("camel", "consumer:overshoot-" + routeId);
        this.consumer = consumer;
        this.routeId = routeId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamHealth.report(builder, consumer.streamStatus(), consumer.getEndpoint(), routeId, createdAt);
    }
}
