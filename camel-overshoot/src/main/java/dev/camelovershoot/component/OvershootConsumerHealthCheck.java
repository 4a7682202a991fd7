package dev.camelovershoot.component;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an Overshoot consumer, {@code consumer:overshoot-<routeId>}: UP while its stream's results channel is
 * connected (and those of the name's keyed streams), else DOWN with why, the last error, the attempt count and how
 * long the stream has not been live, or the keys not connected.
 */
final class OvershootConsumerHealthCheck extends AbstractHealthCheck {

    private final OvershootEndpoint endpoint;
    private final StreamHealth.Subject subject;
    private final String routeId;
    private final Instant createdAt = Instant.now();

    /** A check of a consumer (v0.2 or v1) of the endpoint, reporting where its streams stand. */
    OvershootConsumerHealthCheck(OvershootEndpoint endpoint, StreamHealth.Subject subject, String routeId) {
        super("camel", "consumer:overshoot-" + routeId);
        this.endpoint = endpoint;
        this.subject = subject;
        this.routeId = routeId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamHealth.report(builder, subject, endpoint, routeId, createdAt);
    }
}
