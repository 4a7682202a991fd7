package dev.camelovershoot.testinfra.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

/** Test controls of the v1beta API: frames in, stream state out, and faults the real service can show. */
public final class V1Controls {

    private final V1Streams streams;
    private final V1Faults faults;

    V1Controls(V1Streams streams, V1Faults faults) {
        this.streams = streams;
        this.faults = faults;
    }

    /**
     * Adds a frame to an active v1 stream's buffer, as if published over LiveKit (a test without WebRTC).
     *
     * @throws IllegalArgumentException for an unknown or ended stream
     */
    public EmulatorFrame injectFrame(String streamId, BufferedImage frame) {
        return streams.any(streamId).frames()
                .orElseThrow(() -> new IllegalArgumentException("v1 stream " + streamId + " has ended"))
                .add(frame);
    }

    /** The frames a v1 stream's buffer holds now, oldest first; empty once ended. */
    public List<EmulatorFrame> frames(String streamId) {
        return streams.any(streamId).frames().map(store -> store.retained()).orElse(List.of());
    }

    /** What {@code GET /streams/{id}} would answer, whoever owns the stream. */
    public JsonNode status(String streamId) {
        return streams.any(streamId).status(streams.settings().ttlSeconds());
    }

    /** Reaps a stream now, as a lapsed lease would: {@code end_reason: reaped}, later calls 404. */
    public void reap(String streamId) {
        streams.end(streams.any(streamId), V1Stream.REAPED);
    }

    /**
     * The next {@code count} chat completions (of any key) fail with {@code status}: 429 with {@code retry-after}
     * and {@code x-ratelimit-*}, 401 and 503 with the simple envelope, others with the chat error envelope.
     */
    public void failNextChats(int count, int status) {
        faults.chats().fail(count, status);
    }

    /** The next {@code count} chat completions are answered normally, after {@code delay}. */
    public void delayNextChats(int count, Duration delay) {
        faults.chats().delay(count, delay);
    }

    /**
     * The next {@code count} keepalives of existing streams fail with {@code status} (simple envelope, {@code
     * retry-after: 1} on a 429) and do not renew the lease.
     */
    public void failNextKeepalives(int count, int status) {
        faults.keepalives().fail(count, status);
    }

    /** The next {@code count} keepalives of existing streams are answered normally, after {@code delay}. */
    public void delayNextKeepalives(int count, Duration delay) {
        faults.keepalives().delay(count, delay);
    }

    /** The next {@code count} stream creates fail with {@code status} (e.g. 503, creation temporarily unavailable). */
    public void failNextCreates(int count, int status) {
        faults.creates().fail(count, status);
    }
}
