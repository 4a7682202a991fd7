package dev.camelovershoot.component;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an Overshoot producer, {@code producer:overshoot-<routeId>} in Camel's {@code producers} repository:
 * UP while its stream is connected (or when it uses no stream, e.g. listModels only), else DOWN like the consumer's
 * check. Camel enables producer checks only with {@code camel.health.producersEnabled=true}.
 */
final class OvershootProducerHealthCheck extends AbstractHealthCheck {

    private static final String REPOSITORY = "producers";

    private final OvershootProducer producer;
    private final String routeId;
    private final Instant createdAt = Instant.now();
    private WritableHealthCheckRepository repository;

    private OvershootProducerHealthCheck(OvershootProducer producer, String routeId) {
        super("camel", "producer:overshoot-" + (routeId != null ? routeId : producer.getEndpoint().getStreamName()));
        this.producer = producer;
        this.routeId = routeId;
    }

    /** Adds a check of the producer to the context's producers repository, when the context has one. */
    static OvershootProducerHealthCheck register(OvershootProducer producer, String routeId) {
        OvershootEndpoint endpoint = producer.getEndpoint();
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), REPOSITORY, WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        OvershootProducerHealthCheck check = new OvershootProducerHealthCheck(producer, routeId);
        check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
        check.repository = repository;
        repository.addHealthCheck(check);
        return check;
    }

    void unregister() {
        repository.removeHealthCheck(this);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StreamStatus status = producer.streamStatus();
        if (status == null) {
            builder.detail("stream.name", producer.getEndpoint().getStreamName());
            builder.up();
        } else {
            StreamHealth.report(builder, status, producer.getEndpoint(), routeId, createdAt);
        }
    }
}
