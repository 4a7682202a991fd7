package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One v1beta stream: a frame buffer with a lease. Frames carry lifetime indices and the stream clock (ms since the
 * first frame); the buffer keeps {@link FrameStore#RETENTION} of them. Once ended, the stream answers with the values
 * it had when it ended, and its frames are dropped.
 */
final class V1Stream {

    static final String ACTIVE = "active";
    static final String ENDED = "ended";
    /** The lease lapsed without a keepalive: the docs' own word for it ("streams are reaped"). */
    static final String REAPED = "reaped";
    /** Ended by the service for another reason: a camera source that ended twice. */
    static final String EXPIRED = "expired";
    static final String DELETED = "deleted";

    /** The window {@code recent_fps} is measured over. */
    private static final Duration FPS_WINDOW = Duration.ofSeconds(2);

    private final String id = UUID.randomUUID().toString();
    private final String apiKey;
    private final String sourceType;
    private final long createdAtMs = System.currentTimeMillis();
    private final long createdNanos = System.nanoTime();
    private FrameStore frames;
    private AutoCloseable media = () -> { };
    private long expiresAtMs;
    private long lastPullMs = -1;
    private String endReason;
    private long endedAtMs;
    private ObjectNode finalStatus;

    /** @param sourceType {@code null} for a stream the client publishes into, else {@code rtsp} or {@code hls} */
    V1Stream(String apiKey, String sourceType, FrameStore frames) {
        this.apiKey = apiKey;
        this.sourceType = sourceType;
        this.frames = frames;
    }

    String id() {
        return id;
    }

    String apiKey() {
        return apiKey;
    }

    /** {@code null} for a published stream, else the camera source's type. */
    String sourceType() {
        return sourceType;
    }

    synchronized void attachMedia(AutoCloseable media) {
        this.media = media;
    }

    synchronized boolean isEnded() {
        return endReason != null;
    }

    synchronized String endReason() {
        return endReason;
    }

    /** The frame buffer; empty once ended. */
    synchronized Optional<FrameStore> frames() {
        return Optional.ofNullable(frames);
    }

    /** A camera source pulled a frame now ({@code last_pull}). */
    synchronized void pulled() {
        lastPullMs = System.currentTimeMillis();
    }

    /** Renews the lease from now: answers the new expiry (epoch ms). */
    synchronized long renew(Duration ttl) {
        expiresAtMs = System.currentTimeMillis() + ttl.toMillis();
        return expiresAtMs;
    }

    synchronized long expiresAtMs() {
        return expiresAtMs;
    }

    /**
     * Ends the stream: snapshots its values, releases its room or camera and drops its frames.
     *
     * @return false when it had already ended
     */
    boolean end(String reason) {
        AutoCloseable released;
        synchronized (this) {
            if (endReason != null) {
                return false;
            }
            endedAtMs = System.currentTimeMillis();
            endReason = reason;
            finalStatus = liveStatus(null);
            frames = null;
            released = media;
        }
        try {
            released.close();
        } catch (Exception e) {
            throw new IllegalStateException("Stream " + id + " did not release its media", e);
        }
        return true;
    }

    /** Milliseconds on the stream clock now: 0 until the first frame. */
    synchronized long streamTimeMs() {
        return finalStatus != null ? finalStatus.path("stream_time_ms").asLong()
                : firstFrameNanos().map(first -> (System.nanoTime() - first) / 1_000_000).orElse(0L);
    }

    /** {@code GET /streams/{id}}: every documented field; the values at the end once ended. */
    synchronized ObjectNode status(int ttlSeconds) {
        if (finalStatus != null) {
            return finalStatus.deepCopy();
        }
        return liveStatus(ttlSeconds);
    }

    private ObjectNode liveStatus(Integer ttlSeconds) {
        List<EmulatorFrame> retained = frames.retained();
        EmulatorFrame oldest = retained.isEmpty() ? null : retained.get(0);
        EmulatorFrame newest = retained.isEmpty() ? null : retained.get(retained.size() - 1);
        long received = frames.received();
        long now = System.nanoTime();
        ObjectNode status = V1Json.object().put("id", id).put("state", endReason == null ? ACTIVE : ENDED);
        Optional<Long> first = firstFrameNanos();
        status.put("stream_time_ms", first.map(f -> ((endReason == null ? now : nanosOf(endedAtMs)) - f) / 1_000_000)
                .orElse(0L));
        putEpoch(status, "first_frame_at_ms", first.orElse(null));
        putEpoch(status, "last_frame_at_ms", newest == null ? null : newest.receivedNanos());
        putNumber(status, "last_frame_index", received == 0 ? null : received - 1);
        putEpoch(status, "first_available_frame_at_ms", oldest == null ? null : oldest.receivedNanos());
        putNumber(status, "first_available_frame_index", oldest == null ? null : oldest.index());
        status.put("created_at_ms", createdAtMs);
        if (endReason == null) {
            long window = FPS_WINDOW.toNanos();
            status.put("recent_fps", frames.receivedBetween(now - window, now).size() * 1e9 / window);
        } else {
            status.putNull("recent_fps");
        }
        status.put("retained_frame_count", retained.size());
        status.put("evicted_frame_count", received - retained.size());
        putNumber(status, "expires_at_ms", endReason == null ? expiresAtMs : null);
        putNumber(status, "ttl_seconds", ttlSeconds == null ? null : ttlSeconds.longValue());
        putNumber(status, "ended_at_ms", endReason == null ? null : endedAtMs);
        status.put("end_reason", endReason);
        status.put("audio", false);
        putNumber(status, "last_pull", sourceType == null || lastPullMs < 0 ? null : lastPullMs);
        return status;
    }

    /** When the first frame arrived, from any retained frame's stream clock; empty before the first frame. */
    private Optional<Long> firstFrameNanos() {
        if (frames == null) {
            return Optional.empty();
        }
        return frames.latest().map(f -> f.receivedNanos() - f.timestampMs() * 1_000_000);
    }

    private void putEpoch(ObjectNode status, String field, Long nanos) {
        putNumber(status, field, nanos == null ? null : createdAtMs + (nanos - createdNanos) / 1_000_000);
    }

    private long nanosOf(long epochMs) {
        return createdNanos + (epochMs - createdAtMs) * 1_000_000;
    }

    private static void putNumber(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
