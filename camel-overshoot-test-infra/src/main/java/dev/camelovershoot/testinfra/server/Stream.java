package dev.camelovershoot.testinfra.server;

import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.inference.CompletedInference;
import dev.camelovershoot.testinfra.inference.InferenceBackend;
import dev.camelovershoot.testinfra.inference.InferenceLoop;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * One running stream: its configuration and prompt, lease, billing meter, frame store, inference loop and results
 * sockets. REST calls, the lease timer, the inference thread and WebSocket callbacks all reach it; mutable state is
 * guarded by the stream's monitor, and the end of the stream happens exactly once.
 */
final class Stream {

    static final String CLIENT_REQUESTED = "client_requested";

    /** What a successful keepalive reports. {@code liveKitToken} is {@code null} for non-native streams. */
    record KeepaliveReceipt(double secondsCharged, double costCents, double creditsRemainingCents, String state,
                            String liveKitToken) {
    }

    /** The stream's config record, as {@code PATCH .../config/prompt} answers it. */
    record Config(String id, String prompt, Instant createdAt, Instant updatedAt) {
    }

    private final String id = Ids.stream();
    private final String configId = Ids.config();
    private final Instant createdAt = Instant.now();
    private final String apiKey;
    private final StreamDefinition definition;
    private final EmulatorSettings settings;
    private final Credits credits;
    private final FrameStore frames;
    private final InferenceLoop loop;
    private final Object inferenceLock = new Object();
    private final ResultFanout fanout = new ResultFanout();
    private final ResultArchive archive = new ResultArchive();
    private final Lease lease;
    private final Consumer<Stream> onEnd;

    private String prompt;
    private Instant updatedAt = createdAt;
    private StreamMedia media = StreamMedia.NONE;
    private String liveKitToken;
    private long lastChargedNanos = System.nanoTime();
    private int keepalives;
    private String endReason;

    /** @param onEnd told once, after the stream ended and released its sockets */
    Stream(String apiKey, StreamDefinition definition, EmulatorSettings settings, Credits credits,
           ScheduledExecutorService timers, Consumer<Stream> onEnd) {
        this.apiKey = apiKey;
        this.definition = definition;
        this.settings = settings;
        this.credits = credits;
        this.onEnd = onEnd;
        this.prompt = definition.prompt();
        this.frames = new FrameStore(settings.frameStoreMaxFrames(), settings.frameMaxSide(),
                frame -> settings.observer().frameStored(id, frame));
        this.lease = new Lease(timers, Duration.ofSeconds(settings.leaseTtlSeconds()), this::lapse);
        InferenceBackend locked = this::infer;
        this.loop = new InferenceLoop(definition.processing(), frames, locked, this::nextRequest, this::publish,
                settings.idleAfter());
    }

    String id() {
        return id;
    }

    String apiKey() {
        return apiKey;
    }

    StreamDefinition definition() {
        return definition;
    }

    synchronized String liveKitToken() {
        return liveKitToken;
    }

    FrameStore frames() {
        return frames;
    }

    /** Connects the video path; a native stream gets its first publish token from it. */
    synchronized void attachMedia(StreamMedia attached) {
        media = attached;
        liveKitToken = attached.publishToken();
    }

    synchronized String answerSdp() {
        return media.answerSdp();
    }

    synchronized boolean diesWithDeploy() {
        return media.diesWithDeploy();
    }

    synchronized boolean isEnded() {
        return endReason != null;
    }

    void start(ScheduledExecutorService inference) {
        synchronized (this) {
            lease.renew();
        }
        loop.start(inference);
    }

    /** Charges the time since the last charge, renews the lease and resumes inference paused by a deploy. */
    synchronized KeepaliveReceipt keepalive() {
        requireRunning();
        // Billed in whole milliseconds; the remainder is carried to the next charge.
        long millis = (System.nanoTime() - lastChargedNanos) / 1_000_000;
        double seconds = millis / 1000.0;
        double cost = seconds * settings.centsPerSecond();
        if (!credits.tryCharge(apiKey, cost)) {
            lease.markUnpaid();
            throw ApiException.insufficientCredits();
        }
        lastChargedNanos += millis * 1_000_000;
        keepalives++;
        lease.renew();
        loop.resume();
        liveKitToken = media.publishToken();
        return new KeepaliveReceipt(seconds, cost, credits.balance(apiKey),
                frames.activity(settings.idleAfter()).wireName(), liveKitToken);
    }

    /** A keepalive was refused with 402: the lease now lapses as {@code insufficient_credits}. */
    synchronized void markUnpaid() {
        lease.markUnpaid();
    }

    synchronized Config updatePrompt(String newPrompt) {
        requireRunning();
        prompt = newPrompt;
        updatedAt = Instant.now();
        return config();
    }

    synchronized Config config() {
        return new Config(configId, prompt, createdAt, updatedAt);
    }

    /** {@code DELETE}: bills the time since the last keepalive, then ends the stream. */
    void close() {
        synchronized (this) {
            requireRunning();
            credits.chargeUpTo(apiKey, (System.nanoTime() - lastChargedNanos) / 1e9 * settings.centsPerSecond());
            lastChargedNanos = System.nanoTime();
        }
        end(CLIENT_REQUESTED, true);
    }

    /**
     * Ends the stream once: stops the lease and inference, and closes the results sockets with 1001
     * {@code stream ended: <reason>} or, when {@code closeSockets} is false, drops them without a close frame.
     */
    void end(String reason, boolean closeSockets) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
            lease.cancel();
        }
        release(closeSockets);
    }

    private void lapse(long generation) {
        synchronized (this) {
            if (endReason != null || !lease.isCurrent(generation)) {
                return;
            }
            endReason = lease.lapseReason();
        }
        release(true);
    }

    private void release(boolean closeSockets) {
        loop.close();
        StreamMedia attached;
        synchronized (this) {
            attached = media;
        }
        attached.close();
        if (closeSockets) {
            fanout.closeAll(ResultSocket.GOING_AWAY, ResultSocket.endedReason(endReason));
        } else {
            fanout.dropAll();
        }
        onEnd.accept(this);
    }

    /** Adds an authenticated results socket; {@code false} if the stream ended meanwhile. */
    synchronized boolean attach(ResultChannel channel) {
        if (endReason != null) {
            return false;
        }
        fanout.add(channel);
        return true;
    }

    void detach(ResultChannel channel) {
        fanout.remove(channel);
    }

    void dropSockets() {
        fanout.dropAll();
    }

    void closeSockets(int code, String reason) {
        fanout.closeAll(code, reason);
    }

    void sendRaw(String text) {
        fanout.sendRaw(text);
    }

    /** A deploy lost the stream's inference state; the next keepalive recovers it. */
    void pauseInference() {
        loop.pause();
    }

    void injectFrame(BufferedImage image) {
        if (isEnded()) {
            throw new IllegalArgumentException("Stream " + id + " has ended");
        }
        frames.add(image);
    }

    /** The archived result, if it exists and is old enough to have been persisted. */
    ResultArchive.ArchivedResult persistedResult(String resultId) {
        ResultArchive.ArchivedResult result = archive.find(resultId);
        if (result == null || System.nanoTime() - result.createdNanos() < settings.clipPersistDelay().toNanos()) {
            return null;
        }
        return result;
    }

    /** Runs the backend on this stream's behalf, never concurrently with its inference loop. */
    InferenceOutput infer(InferenceRequest request) {
        synchronized (inferenceLock) {
            try {
                return settings.backend().infer(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return InferenceOutput.failure("inference interrupted");
            } catch (Exception e) {
                return InferenceOutput.failure("inference failed: " + e.getMessage());
            }
        }
    }

    synchronized StreamSnapshot snapshot() {
        return new StreamSnapshot(id, apiKey, definition.sourceType(), definition.processing().mode(), prompt,
                definition.model(), endReason != null, endReason, keepalives, frames.received(), fanout.sent(),
                fanout.size());
    }

    private synchronized InferenceRequest nextRequest(List<EmulatorFrame> sampled) {
        return new InferenceRequest(definition.processing().mode(), prompt, definition.model(),
                definition.outputSchema(), definition.maxOutputTokens(), sampled);
    }

    private void publish(CompletedInference done) {
        if (isEnded()) {
            return;
        }
        String resultId = Ids.result();
        archive.add(resultId, done.request());
        String json = Responses.result(resultId, id, definition.backend(), done).toString();
        long sentNanos = System.nanoTime();
        if (fanout.publish(json)) {
            settings.observer().resultSent(id, resultId, sentNanos);
        }
    }

    private void requireRunning() {
        if (endReason != null) {
            throw ApiException.streamNotFound();
        }
    }
}
