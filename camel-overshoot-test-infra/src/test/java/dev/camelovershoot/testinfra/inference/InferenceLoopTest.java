package dev.camelovershoot.testinfra.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.testinfra.frames.FrameStore;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InferenceLoopTest {

    private final FrameStore store = new FrameStore(100, 64);
    private final BlockingQueue<CompletedInference> results = new LinkedBlockingQueue<>();

    private InferenceLoop loop(ProcessingSpec spec, InferenceBackend backend, int maxTokens) {
        return new InferenceLoop(spec, store, backend,
                frames -> new InferenceRequest(spec.mode(), "describe", "m", null, maxTokens, frames), results::add,
                Duration.ofSeconds(30));
    }

    @Test
    void noFramesNoResult() {
        loop(ProcessingSpec.frame(0.5), new DescribeBackend(), 64).tick();
        assertThat(results).isEmpty();
    }

    @Test
    void frameModeInfersOnTheNewestFrame() {
        store.add(TestImages.solid(32, 32, "red"));
        EmulatorFrame newest = store.add(TestImages.solid(32, 32, "blue"));

        loop(ProcessingSpec.frame(0.5), new DescribeBackend(), 64).tick();

        CompletedInference done = results.poll();
        assertThat(done.request().frames()).containsExactly(newest);
        assertThat(done.output().text()).contains("\"color\":\"blue\"");
        assertThat(done.inferenceLatencyMs()).isGreaterThanOrEqualTo(0);
        assertThat(done.totalLatencyMs()).isGreaterThanOrEqualTo(done.inferenceLatencyMs());
    }

    @Test
    void pausedLoopAndScriptedBackendWithNothingQueuedProduceNothing() {
        store.add(TestImages.solid(32, 32, "red"));
        InferenceLoop paused = loop(ProcessingSpec.frame(0.5), new DescribeBackend(), 64);
        paused.pause();
        paused.tick();
        loop(ProcessingSpec.frame(0.5), new ScriptedBackend(), 64).tick();

        assertThat(results).isEmpty();
    }

    @Test
    void outputBeyondTheTokenCapIsCutWithFinishReasonLength() {
        store.add(TestImages.solid(32, 32, "red"));
        loop(ProcessingSpec.frame(0.5), new ScriptedBackend().enqueue("x".repeat(100)), 10).tick();

        InferenceOutput output = results.poll().output();
        assertThat(output.text()).hasSize(40);
        assertThat(output.finishReason()).isEqualTo("length");
    }

    @Test
    void backendFailureBecomesAFailedResult() {
        store.add(TestImages.solid(32, 32, "red"));
        loop(ProcessingSpec.frame(0.5), request -> {
            throw new IllegalStateException("model timeout");
        }, 64).tick();

        InferenceOutput output = results.poll().output();
        assertThat(output.ok()).isFalse();
        assertThat(output.error()).contains("model timeout");
        assertThat(output.text()).isEmpty();
    }

    @Test
    void clipModeSamplesTheClipEvenly() {
        for (int i = 0; i < 10; i++) {
            store.add(TestImages.solid(8, 8, "gray"));
        }
        List<EmulatorFrame> window = store.receivedBetween(System.nanoTime() - 60_000_000_000L, System.nanoTime());

        assertThat(InferenceLoop.sampleEvenly(window, 3)).extracting(EmulatorFrame::index).containsExactly(0L, 5L, 9L);
        assertThat(InferenceLoop.sampleEvenly(window, 20)).hasSize(10);

        loop(ProcessingSpec.clip(6, 60, 0.5), new DescribeBackend(), 64).tick();
        assertThat(results.poll().request().frames()).hasSize(10);
    }

    @Test
    void scheduledLoopProducesAResultPerInterval() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (InferenceLoop running = loop(ProcessingSpec.frame(0.1), new DescribeBackend(), 64)) {
            store.add(TestImages.solid(32, 32, "green"));
            running.start(scheduler);
            for (int i = 0; i < 3; i++) {
                assertThat(results.poll(5, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
