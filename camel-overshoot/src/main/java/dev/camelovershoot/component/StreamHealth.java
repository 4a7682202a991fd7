package dev.camelovershoot.component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** What the consumer and producer health checks report about their streams, as camel-kafka's checks do it. */
final class StreamHealth {

    /** Keys named, with why, in the message of a check that keyed streams make DOWN. */
    private static final int KEYS_IN_MESSAGE = 3;

    /** The streams a consumer or producer uses. */
    interface Subject {

        /** Where the stream its URI names stands; null while it uses none. */
        StreamStatus streamStatus();

        /** The keyed streams of its name it uses; null while it uses none. */
        StreamFleet<?> keyedStreams();
    }

    /** A readiness check of a consumer or producer: reports its {@link Subject} with {@link #report}. */
    abstract static class Check extends AbstractHealthCheck {

        private final OvershootEndpoint endpoint;
        private final Subject subject;
        private final String routeId;
        private final Instant createdAt = Instant.now();

        Check(String id, OvershootEndpoint endpoint, Subject subject, String routeId) {
            super("camel", id);
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
            report(builder, subject, endpoint, routeId, createdAt);
        }
    }

    private StreamHealth() {
    }

    /**
     * UP while the named stream (if used) and every keyed stream (if any) are connected; else DOWN with why, the last
     * error, the retry's attempt number and how long the stream has not been live, and the keys not connected.
     *
     * @param startedAt when the user started, for a stream that was never live
     */
    private static void report(HealthCheckResultBuilder builder, Subject subject, OvershootEndpoint endpoint,
                               String routeId, Instant startedAt) {
        builder.detail("stream.name", endpoint.getStreamName());
        builder.detail("api.url", endpoint.getConfiguration().getApiUrl());
        if (routeId != null) {
            builder.detail("route.id", routeId);
        }
        StreamStatus status = subject.streamStatus();
        boolean up = status == null || named(builder, status, startedAt);
        StreamFleet<?> fleet = subject.keyedStreams();
        if (fleet != null && (status == null || fleet.openedCount() > 0)) {
            up = keyed(builder, fleet.health(), up) && up;
        }
        if (up) {
            builder.up();
        }
    }

    private static boolean named(HealthCheckResultBuilder builder, StreamStatus status, Instant startedAt) {
        if (status.streamId() != null) {
            builder.detail("stream.id", status.streamId());
        }
        builder.detail("stream.state", status.state().name());
        if (status.connected()) {
            return true;
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
        return false;
    }

    /** The keyed streams' counts; DOWN (with the message, unless the named stream gave one) while a key is not connected. */
    private static boolean keyed(HealthCheckResultBuilder builder, StreamFleet.Health health, boolean message) {
        builder.detail("keyed.streams.open", health.open());
        builder.detail("keyed.streams.opened", health.opened());
        builder.detail("keyed.streams.closed", health.closed());
        if (health.down() == 0) {
            return true;
        }
        builder.down();
        builder.detail("keyed.streams.down", health.down());
        builder.detail("keyed.streams.down.keys", String.join(",", health.downKeys().keySet())
                + (health.down() > health.downKeys().size() ? ",..." : ""));
        if (message) {
            builder.message(health.down() + " of " + health.open() + " keyed streams are not connected: "
                    + health.downKeys().entrySet().stream().limit(KEYS_IN_MESSAGE).map(StreamHealth::keyReason)
                            .collect(Collectors.joining("; "))
                    + (health.down() > KEYS_IN_MESSAGE ? "; ..." : ""));
        }
        return false;
    }

    private static String keyReason(Map.Entry<String, StreamStatus> key) {
        return key.getKey() + ": " + key.getValue().reason();
    }
}
