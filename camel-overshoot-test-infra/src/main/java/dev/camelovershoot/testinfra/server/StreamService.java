package dev.camelovershoot.testinfra.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.ModelEntry;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's streams and accounts, and the v0.2 operations on them, independent of HTTP. Running streams are
 * found by id; ended ones are kept only as snapshots, so every API call on them answers 404.
 */
final class StreamService implements AutoCloseable {

    /** What {@code POST /chat/completions/clip} asks for instead of the original request. */
    record ClipRequest(String prompt, String model, JsonNode outputSchema, Integer maxTokens) {

        InferenceRequest applyTo(InferenceRequest original) {
            return new InferenceRequest(original.mode(), prompt, model, outputSchema,
                    maxTokens == null ? original.maxOutputTokens() : maxTokens, original.frames());
        }
    }

    record Reinference(InferenceRequest request, InferenceOutput output) {
    }

    /** The end reason shown in snapshots of streams forgotten by a deploy that lost state. */
    static final String SERVER_RESTART = "server_restart";

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    private static final int INFERENCE_THREADS = 4;

    private final EmulatorSettings settings;
    private final Credits credits;
    private final QueuedFaults keepaliveFaults = new QueuedFaults();
    private volatile Duration deleteDelay = Duration.ZERO;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("timer"));
    private final ScheduledExecutorService inference =
            Executors.newScheduledThreadPool(INFERENCE_THREADS, daemon("inference"));
    private final Map<String, Stream> running = new ConcurrentHashMap<>();
    private final Map<String, StreamSnapshot> ended = Collections.synchronizedMap(new LinkedHashMap<>());

    private final MediaHub media;

    StreamService(EmulatorSettings settings, MediaHub media) {
        this.settings = settings;
        this.media = media;
        this.credits = new Credits(settings.apiKeys(), settings.creditsCents());
    }

    EmulatorSettings settings() {
        return settings;
    }

    void delayDeletes(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        deleteDelay = delay;
    }

    /** Ends a stream for its owner, after the delay a test set ({@link #delayDeletes}). */
    CompletableFuture<Void> delete(String apiKey, String streamId) {
        Stream stream = owned(apiKey, streamId);
        if (deleteDelay.isZero()) {
            stream.close();
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(stream::close,
                CompletableFuture.delayedExecutor(deleteDelay.toNanos(), TimeUnit.NANOSECONDS, timers));
    }

    QueuedFaults keepaliveFaults() {
        return keepaliveFaults;
    }

    boolean isApiKey(String key) {
        return key != null && settings.apiKeys().contains(key);
    }

    /**
     * Creates a stream and connects its source; the slot is reserved first, so that a slow WebRTC answer does not
     * hold up other creates.
     *
     * @param authority the {@code host:port} the client reached us at (for user-managed LiveKit URLs)
     */
    Stream create(String apiKey, StreamDefinition definition, String authority) {
        ModelEntry model = settings.model(definition.model());
        if (!model.isReady()) {
            throw new ApiException(503, "model_unavailable",
                    "Model " + model.model() + " is " + model.status() + " and accepts no new streams");
        }
        if (credits.balance(apiKey) <= 0) {
            throw ApiException.insufficientCredits();
        }
        Stream stream;
        synchronized (this) {
            long open = running.values().stream().filter(s -> s.apiKey().equals(apiKey) && !s.isEnded()).count();
            if (open >= settings.streamLimitPerKey()) {
                throw new ApiException(429, "stream_limit_exceeded", "At most " + settings.streamLimitPerKey()
                        + " concurrent streams per API key", null,
                        Map.of("Retry-After", Integer.toString(settings.leaseTtlSeconds())));
            }
            stream = new Stream(apiKey, definition, settings, credits, timers, this::ended);
            running.put(stream.id(), stream);
        }
        Stream created = stream;
        try {
            stream.attachMedia(media.connect(stream.id(), definition.source(), stream.frames(), authority,
                    reason -> created.end(reason, true)));
        } catch (RuntimeException e) {
            running.remove(stream.id());
            throw e;
        }
        stream.start(inference);
        LOG.info("Stream {} created ({} source, {} mode, model {})", stream.id(), definition.sourceType(),
                definition.processing().mode(), definition.model());
        return stream;
    }

    /** The running stream with this id that belongs to {@code apiKey}; 404 otherwise, as the service answers. */
    Stream owned(String apiKey, String streamId) {
        Stream stream = running.get(streamId);
        if (stream == null || !stream.apiKey().equals(apiKey) || stream.isEnded()) {
            throw ApiException.streamNotFound();
        }
        return stream;
    }

    /** Whether this key's stream ended (and the server still knows it): a DELETE of it answers 204. */
    boolean alreadyEnded(String apiKey, String streamId) {
        StreamSnapshot gone = ended.get(streamId);
        return gone != null && gone.apiKey().equals(apiKey) && !SERVER_RESTART.equals(gone.endReason());
    }

    /** A keepalive, unless a test queued a fault for it: then a failure, or the normal answer after a delay. */
    CompletableFuture<Stream.KeepaliveReceipt> keepalive(String apiKey, String streamId) {
        Stream stream = owned(apiKey, streamId);
        QueuedFaults.Fault fault = keepaliveFaults.next();
        if (fault == null) {
            return CompletableFuture.completedFuture(stream.keepalive());
        }
        if (fault.fails()) {
            if (fault.status() == 402) {
                stream.markUnpaid();
            }
            throw ApiException.injected(fault.status());
        }
        return CompletableFuture.supplyAsync(stream::keepalive,
                CompletableFuture.delayedExecutor(fault.delay().toNanos(), TimeUnit.NANOSECONDS, timers));
    }

    /** Re-runs inference on the frames behind a persisted result of one of this key's running streams. */
    Reinference reinfer(String apiKey, String resultId, ClipRequest clip) {
        for (Stream stream : running.values()) {
            ResultArchive.ArchivedResult archived =
                    stream.apiKey().equals(apiKey) ? stream.persistedResult(resultId) : null;
            if (archived != null) {
                InferenceRequest request = clip.applyTo(archived.request());
                InferenceOutput output = stream.infer(request);
                if (output == null) {
                    throw new ApiException(503, "inference_unavailable", "The inference backend gave no answer");
                }
                return new Reinference(request, output.cappedAt(request.maxOutputTokens()));
            }
        }
        throw new ApiException(404, "clip_not_found", "Clip not found (it may not be persisted yet)");
    }

    void injectFrame(String streamId, BufferedImage frame) {
        running(streamId).injectFrame(frame);
    }

    List<EmulatorFrame> frames(String streamId) {
        return running(streamId).frames().retained();
    }

    void endStream(String streamId, String reason) {
        running(streamId).end(reason, true);
    }

    void dropResultSockets(String streamId) {
        running(streamId).dropSockets();
    }

    void closeResultSockets(String streamId, int code, String reason) {
        running(streamId).closeSockets(code, reason);
    }

    void sendRawResultMessage(String streamId, String text) {
        running(streamId).sendRaw(text);
    }

    /**
     * A deploy that kept state: sockets drop and inference pauses until each stream's next keepalive. Legacy WebRTC
     * streams end, since their media terminated in the process that went away.
     */
    void deployKeepingState() {
        running.values().forEach(s -> {
            if (s.diesWithDeploy()) {
                s.end(MediaHub.WEBRTC_DISCONNECTED, false);
            } else {
                s.dropSockets();
                s.pauseInference();
            }
        });
    }

    /** A deploy that lost state: sockets drop without a close frame and every stream is forgotten. */
    void deployLosingState() {
        running.values().forEach(s -> s.end(SERVER_RESTART, false));
    }

    /**
     * Connects an authenticated results socket, or closes it the way the service does: 1008 for a bad key or an
     * unknown stream, 1001 {@code stream ended: <reason>} for a stream that ended.
     */
    Optional<Stream> attach(String streamId, String apiKey, ResultChannel channel) {
        if (!isApiKey(apiKey)) {
            channel.close(ResultSocket.POLICY_VIOLATION, "invalid api key");
            return Optional.empty();
        }
        Stream stream = running.get(streamId);
        StreamSnapshot gone = stream == null ? ended.get(streamId) : null;
        String owner = stream != null ? stream.apiKey() : gone != null ? gone.apiKey() : null;
        if (owner == null || (gone != null && SERVER_RESTART.equals(gone.endReason()))) {
            channel.close(ResultSocket.POLICY_VIOLATION, "stream not found");
        } else if (!owner.equals(apiKey)) {
            channel.close(ResultSocket.POLICY_VIOLATION, "invalid api key");
        } else if (stream != null && stream.attach(channel)) {
            return Optional.of(stream);
        } else {
            channel.close(ResultSocket.GOING_AWAY, ResultSocket.endedReason(snapshot(streamId).endReason()));
        }
        return Optional.empty();
    }

    Optional<StreamSnapshot> stream(String streamId) {
        Stream stream = running.get(streamId);
        return Optional.ofNullable(stream != null ? stream.snapshot() : ended.get(streamId));
    }

    private StreamSnapshot snapshot(String streamId) {
        return stream(streamId).orElseThrow();
    }

    List<StreamSnapshot> streams() {
        List<StreamSnapshot> all = new ArrayList<>();
        synchronized (ended) {
            all.addAll(ended.values());
        }
        running.values().forEach(s -> all.add(s.snapshot()));
        return all;
    }

    /** Stops all timers and inference; the streams' state stays as it was. */
    @Override
    public void close() {
        inference.shutdownNow();
        timers.shutdownNow();
    }

    private Stream running(String streamId) {
        Stream stream = running.get(streamId);
        if (stream == null || stream.isEnded()) {
            throw new IllegalArgumentException("No running stream " + streamId);
        }
        return stream;
    }

    private void ended(Stream stream) {
        StreamSnapshot snapshot = stream.snapshot();
        ended.put(stream.id(), snapshot);
        running.remove(stream.id());
        LOG.info("Stream {} ended: {}", stream.id(), snapshot.endReason());
    }

    private static ThreadFactory daemon(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "overshoot-emulator-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
