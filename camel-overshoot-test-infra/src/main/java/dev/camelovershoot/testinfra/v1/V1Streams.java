package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.livekit.LiveKitRooms;
import dev.camelovershoot.testinfra.livekit.LiveKitTokens;
import dev.camelovershoot.testinfra.livekit.RoomListener;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v1beta streams: creation into the emulator's LiveKit rooms, leases and reaping, ownership. Ended streams stay
 * known (their final values, and an idempotent DELETE) for the emulator's lifetime: the service's "lookup window".
 */
final class V1Streams implements AutoCloseable {

    /** Publish tokens are short-lived; every keepalive brings a fresh one. */
    static final Duration PUBLISH_TOKEN_TTL = Duration.ofMinutes(10);
    /** The service's viewer tokens: {@code expires_in_seconds: 300}. */
    static final Duration VIEWER_TOKEN_TTL = Duration.ofSeconds(300);
    private static final Logger LOG = LoggerFactory.getLogger(V1Streams.class);

    private final V1Settings settings;
    private final Supplier<FrameStore> newStore;
    private final LiveKitRooms rooms;
    private final LiveKitTokens tokens;
    private final ScheduledExecutorService timers;
    private final Map<String, V1Stream> streams = new ConcurrentHashMap<>();

    /** @param rooms the emulator's LiveKit rooms, or {@code null} when WebRTC cannot run here (no media ingest) */
    V1Streams(V1Settings settings, Supplier<FrameStore> newStore, LiveKitRooms rooms, LiveKitTokens tokens,
              ScheduledExecutorService timers) {
        this.settings = settings;
        this.newStore = newStore;
        this.rooms = rooms;
        this.tokens = tokens;
        this.timers = timers;
    }

    V1Settings settings() {
        return settings;
    }

    /** A stream the client publishes into: its frame buffer is bound to a LiveKit room named by the stream id. */
    V1Stream createPublished(String apiKey) {
        V1Stream stream = register(new V1Stream(apiKey, null, newStore.get()));
        if (rooms != null) {
            FrameStore store = stream.frames().orElseThrow();
            // A v1 stream is a buffer: a publisher leaving does not end it, only the lease does.
            rooms.bind(stream.id(), RoomListener.storingFramesIn(store, identity -> { }));
            stream.attachMedia(() -> rooms.unbind(stream.id()));
        }
        LOG.info("v1 stream {} created (published)", stream.id());
        return stream;
    }

    /** A stream whose frames a camera puller brings; the caller attaches the puller. */
    V1Stream createPulled(String apiKey, String sourceType) {
        V1Stream stream = register(new V1Stream(apiKey, sourceType, newStore.get()));
        LOG.info("v1 stream {} created ({} camera source)", stream.id(), sourceType);
        return stream;
    }

    /** A stream of this key, active or ended; 404 for an unknown one or another key's. */
    V1Stream owned(String apiKey, String streamId, boolean chat) {
        V1Stream stream = streams.get(streamId);
        if (stream == null || !stream.apiKey().equals(apiKey)) {
            throw V1Error.streamNotFound(chat);
        }
        return stream;
    }

    /** An active stream of this key; 404 for an unknown, ended or another key's stream. */
    V1Stream active(String apiKey, String streamId, boolean chat) {
        V1Stream stream = owned(apiKey, streamId, chat);
        if (stream.isEnded()) {
            throw V1Error.streamNotFound(chat);
        }
        return stream;
    }

    /** Renews the lease: reaped at expiry unless renewed again. */
    long renew(V1Stream stream) {
        long expiresAt = stream.renew(settings.leaseTtl());
        timers.schedule(() -> reapIfLapsed(stream), settings.leaseTtl().toMillis() + 1, TimeUnit.MILLISECONDS);
        return expiresAt;
    }

    /** A fresh publish token for the stream's room: publish only, for the one publisher identity. */
    String publishToken(V1Stream stream) {
        return tokens.mintPublishToken("publisher-" + stream.id(), stream.id(), PUBLISH_TOKEN_TTL);
    }

    String viewerToken(V1Stream stream) {
        return tokens.mintViewerToken("viewer-" + UUID.randomUUID(), stream.id(), VIEWER_TOKEN_TTL);
    }

    /** Ends a stream with {@code reason}; no-op when it already ended. */
    void end(V1Stream stream, String reason) {
        if (stream.end(reason)) {
            LOG.info("v1 stream {} ended: {}", stream.id(), reason);
        }
    }

    /** Test control: the stream with this id, whoever owns it. */
    V1Stream any(String streamId) {
        V1Stream stream = streams.get(streamId);
        if (stream == null) {
            throw new IllegalArgumentException("No v1 stream " + streamId);
        }
        return stream;
    }

    /** Ends every active stream as the service would on shutdown, releasing rooms and cameras. */
    @Override
    public void close() {
        streams.values().forEach(s -> s.end(V1Stream.EXPIRED));
    }

    private V1Stream register(V1Stream stream) {
        streams.put(stream.id(), stream);
        renew(stream);
        return stream;
    }

    private void reapIfLapsed(V1Stream stream) {
        if (!stream.isEnded() && System.currentTimeMillis() >= stream.expiresAtMs()) {
            end(stream, V1Stream.REAPED);
        }
    }
}
