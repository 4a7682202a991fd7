package dev.camelovershoot.component;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.health.HealthCheckResultBuilder;

/** What the consumer and producer health checks report about a stream, as camel-kafka's checks do it. */
final class StreamHealth {

    private StreamHealth() {
    }

    /**
     * UP while the stream is connected; else DOWN with why, the last error, the retry's attempt number and how long
     * the stream has not been live.
     *
     * @param startedAt when the user started, for a stream that was never live
     */
    static void report(HealthCheckResultBuilder builder, StreamStatus status, OvershootEndpoint endpoint,
                       String routeId, Instant startedAt) {
        builder.detail("stream.name", endpoint.getStreamName());
        builder.detail("api.url", endpoint.getConfiguration().getApiUrl());
        if (routeId != null) {
            builder.detail("route.id", routeId);
        }
        if (status.streamId() != null) {
            builder.detail("stream.id", status.streamId());
        }
        builder.detail("stream.state", status.state().name());
        if (status.connected()) {
            builder.up();
            return;
        }
        builder.down();
        builder.message(status.reason());
        if (status.lastError() != null) {
            builder.detail("error.message", status.lastError());
        }
        if (status.failure() != null) {
            builder.error(status.failure());
        }
        builder.detail("reconnect.attempts", status.attempts());
        Instant live = status.lastLive();
        if (live != null) {
            builder.detail("stream.last.live", live.toString());
        }
        builder.detail("stream.down.ms", Duration.between(live != null ? live : startedAt, Instant.now()).toMillis());
    }
}
