package dev.camelovershoot.component;

import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Readiness of an Overshoot producer, {@code producer:overshoot-<routeId>} in Camel's {@code producers} repository:
 * UP while its streams are connected (or when it uses none, e.g. listModels only), else DOWN like the consumer's
 * check. Camel enables producer checks only with {@code camel.health.producersEnabled=true}.
 */
final class OvershootProducerHealthCheck extends StreamHealth.Check {

    private static final String REPOSITORY = "producers";

    private WritableHealthCheckRepository repository;

    private OvershootProducerHealthCheck(OvershootEndpoint endpoint, StreamHealth.Subject subject, String routeId) {
        super("producer:overshoot-" + (routeId != null ? routeId : endpoint.getStreamName()), endpoint, subject,
                routeId);
    }

    /**
     * Adds a check of a producer of the endpoint (v0.2 or v1) to the context's producers repository, when the
     * context has one.
     *
     * @param subject the streams the producer uses
     */
    static OvershootProducerHealthCheck register(OvershootEndpoint endpoint, StreamHealth.Subject subject,
                                                 String routeId) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), REPOSITORY, WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        OvershootProducerHealthCheck check = new OvershootProducerHealthCheck(endpoint, subject, routeId);
        check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
        check.repository = repository;
        repository.addHealthCheck(check);
        return check;
    }

    void unregister() {
        repository.removeHealthCheck(this);
    }
}
