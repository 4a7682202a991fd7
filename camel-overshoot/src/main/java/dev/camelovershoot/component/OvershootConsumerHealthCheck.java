package dev.camelovershoot.component;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness of an Overshoot consumer: UP while its stream's results channel is connected, else DOWN with why. */
final class OvershootConsumerHealthCheck extends AbstractHealthCheck {

    private final OvershootConsumer consumer;
    private final String routeId;

    OvershootConsumerHealthCheck(OvershootConsumer consumer, String routeId) {
        super("camel", "overshoot-consumer-" + routeId);
        this.consumer = consumer;
        this.routeId = routeId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamStatus status = consumer.streamStatus();
        builder.detail("stream.name", consumer.getEndpoint().getStreamName());
        builder.detail("route.id", routeId);
        if (status.streamId() != null) {
            builder.detail("stream.id", status.streamId());
        }
        if (status.connected()) {
            builder.up();
        } else {
            builder.down();
            builder.message(status.reason());
        }
    }
}
