package dev.camelovershoot.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import dev.camelovershoot.testinfra.inference.InferenceRequest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inference runs from the frames that reached the stream's store, on the stream's schedule. */
class InferenceSchedulingTest {

    private static final BlockingQueue<InferenceRequest> ASKED = new LinkedBlockingQueue<>();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .backend(request -> {
                ASKED.add(request);
                return InferenceOutput.success("frames=" + request.frames().size());
            }));

    private final OvershootEmulator emulator = EMULATOR.emulator();
    private final Api api = new Api(emulator);
    private final ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        camera.shutdownNow();
        Api.endAll(emulator);
        ASKED.clear();
    }

    @Test
    void clipModeSamplesTheClipAtTheTargetFps() {
        String id = api.createStream(Api.clipStream("{'target_fps':6,'clip_length_seconds':0.5,'delay_seconds':0.2}"));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        feed(id, 20);

        JsonNode first = socket.nextResult();
        JsonNode second = socket.nextResult();

        assertThat(first.get("mode").asText()).isEqualTo("clip");
        // 20 frames/s over 0.5 s, sampled at 6 fps: at most 3 frames per clip.
        assertThat(frames(first)).isBetween(1, 3);
        assertThat(frames(second)).isBetween(1, 3);
        assertThat(emulator.stream(id).orElseThrow().framesReceived()).isPositive();
    }

    @Test
    void frameModeInfersOnTheNewestFrameEveryInterval() {
        String id = api.createStream(Api.frameStream(0.1));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        feed(id, 20);

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(socket.nextResult().get("result").asText()).isEqualTo("frames=1");
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isBetween(300L, 3_000L);
    }

    @Test
    void clipModeWithoutDelayRunsClipsBackToBack() {
        String id = api.createStream(Api.clipStream("{'target_fps':10,'clip_length_seconds':0.3,'delay_seconds':0}"));
        ResultsClient socket = ResultsClient.attach(emulator, id);
        feed(id, 20);

        socket.nextResult();
        socket.nextResult();

        assertThat(ASKED.peek().maxOutputTokens()).isEqualTo(38);
    }

    private void feed(String streamId, int fps) {
        camera.scheduleAtFixedRate(() -> emulator.injectFrame(streamId, TestImages.solid(64, 48, "red")), 0,
                1000 / fps, TimeUnit.MILLISECONDS);
    }

    private static int frames(JsonNode result) {
        return Integer.parseInt(result.get("result").asText().substring("frames=".length()));
    }
}
