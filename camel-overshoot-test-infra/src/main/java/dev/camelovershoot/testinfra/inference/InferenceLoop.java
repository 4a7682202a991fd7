package dev.camelovershoot.testinfra.inference;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.StreamActivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stream's inferences from the frames that reached its store: in frame mode the newest frame every
 * {@code interval_seconds}; in clip mode the last {@code clip_length_seconds} of frames sampled at
 * {@code target_fps}, every {@code delay_seconds}. No frames, or frames stopped, means no inference.
 */
public final class InferenceLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceLoop.class);

    private final ProcessingSpec spec;
    private final FrameStore store;
    private final InferenceBackend backend;
    private final Function<List<EmulatorFrame>, InferenceRequest> requests;
    private final Consumer<CompletedInference> sink;
    private final Duration idleAfter;
    private volatile boolean paused;
    private ScheduledFuture<?> task;

    /**
     * @param requests builds the request for the sampled frames, with the prompt in effect at that moment
     * @param sink     receives each completed inference, on the loop's thread
     * @param idleAfter frames older than this count as stopped
     */
    public InferenceLoop(ProcessingSpec spec, FrameStore store, InferenceBackend backend,
                         Function<List<EmulatorFrame>, InferenceRequest> requests, Consumer<CompletedInference> sink,
                         Duration idleAfter) {
        this.spec = spec;
        this.store = store;
        this.backend = backend;
        this.requests = requests;
        this.sink = sink;
        this.idleAfter = idleAfter;
    }

    /** Starts the loop; a fixed delay keeps a slow backend from piling up ticks. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        long periodMicros = Math.max(1_000, Math.round(spec.periodSeconds() * 1_000_000));
        task = scheduler.scheduleWithFixedDelay(this::tick, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Suspends inference (state lost in a deploy, until the next keepalive recovers it). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One scheduled run; public so that tests can drive it without waiting for the clock. */
    public void tick() {
        if (paused || store.activity(idleAfter) != StreamActivity.ACTIVE) {
            return;
        }
        List<EmulatorFrame> frames = sample();
        if (frames.isEmpty()) {
            return;
        }
        try {
            InferenceRequest request = requests.apply(frames);
            long start = System.nanoTime();
            InferenceOutput output = run(request);
            if (output == null) {
                return;
            }
            long end = System.nanoTime();
            sink.accept(new CompletedInference(request, output.cappedAt(request.maxOutputTokens()),
                    (end - start) / 1e6, (end - request.lastFrame().receivedNanos()) / 1e6));
        } catch (RuntimeException e) {
            LOG.warn("Inference loop failed: {}", e.toString());
        }
    }

    private InferenceOutput run(InferenceRequest request) {
        try {
            return backend.infer(request);
        } catch (Exception e) {
            return InferenceOutput.failure("inference failed: " + e.getMessage());
        }
    }

    private List<EmulatorFrame> sample() {
        if (!spec.isClip()) {
            return store.latest().map(List::of).orElse(List.of());
        }
        long now = System.nanoTime();
        long clipNanos = Math.round(spec.clipLengthSeconds() * 1e9);
        return sampleEvenly(store.receivedBetween(now - clipNanos, now),
                (int) Math.ceil(spec.targetFps() * spec.clipLengthSeconds() - 1e-9));
    }

    /** Picks at most {@code count} frames spread evenly over {@code window}, keeping the first and last. */
    static List<EmulatorFrame> sampleEvenly(List<EmulatorFrame> window, int count) {
        if (window.size() <= count) {
            return window;
        }
        List<EmulatorFrame> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = count == 1 ? window.size() - 1 : (int) Math.round(i * (window.size() - 1) / (double) (count - 1));
            out.add(window.get(at));
        }
        return out;
    }
}
