package dev.camelovershoot.component;

import dev.camelovershoot.client.StreamListener;
import dev.camelovershoot.client.wire.InferenceResult;
import dev.camelovershoot.transport.ReconnectListener;
import java.time.Duration;

/**
 * What a shared stream counts for monitoring. {@link #NONE} unless metrics are on; then {@link OvershootMetrics},
 * the one class that uses Micrometer (an optional dependency), loaded only when Micrometer is on the classpath.
 */
interface StreamMetrics {

    StreamMetrics NONE = new StreamMetrics() { };

    /** Why a frame was not sent. */
    enum Drop {
        /** Above {@code maxFps}, or the encoder is behind. */
        RATE_CAP,
        /** The video is not connected (yet, or for now). */
        NOT_CONNECTED,
        /** The message body is not a frame. */
        BAD_BODY
    }

    /**
     * Opens the metrics of one stream of an endpoint name. The keyed streams of a name count together under it, so
     * that a fleet of cameras does not make a meter per camera, and show no state (the health check lists theirs).
     */
    @FunctionalInterface
    interface Factory {
        Factory NONE = (stream, keyed) -> StreamMetrics.NONE;

        StreamMetrics open(String streamName, boolean keyed);

        /** The counts of the keyed streams of an endpoint name. */
        default Keyed keyed(String streamName) {
            return Keyed.NONE;
        }
    }

    /** Counts of the keyed streams of one endpoint name: open now, opened and closed (by why). */
    interface Keyed {
        Keyed NONE = new Keyed() { };

        default void opened() {
        }

        default void closed(StreamFleet.Close reason) {
        }
    }

    /** A frame from a producer or the stream's source, before it is converted. */
    default void frameReceived() {
    }

    default void framePublished() {
    }

    default void frameDropped(Drop reason) {
    }

    /**
     * Counts a frame the video transport was given: published, or dropped above the rate or while not connected.
     *
     * @param sent whether the transport sent it
     * @param live whether the transport is connected
     * @return {@code sent}
     */
    default boolean handedOver(boolean sent, boolean live) {
        if (sent) {
            framePublished();
        } else {
            frameDropped(live ? Drop.RATE_CAP : Drop.NOT_CONNECTED);
        }
        return sent;
    }

    /** A v0.2 result. */
    default void result(InferenceResult result) {
        answer(Duration.ofNanos(Math.round(result.totalLatencyMs() * 1_000_000)));
    }

    /** A result or a v1 answer, with its end-to-end latency. */
    default void answer(Duration latency) {
    }

    default void retry(StreamListener.Retry what) {
    }

    /** A reconnect of the video transport's own connections. */
    default void reconnect(ReconnectListener.Reconnect what) {
    }

    /** The stream's source, which stopped or failed, is opened again. */
    default void sourceReopened() {
    }

    default void state(StreamStatus.State state) {
    }

    /** The stream closed: its meters go. */
    default void close() {
    }
}
