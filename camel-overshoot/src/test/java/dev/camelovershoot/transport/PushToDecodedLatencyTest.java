package dev.camelovershoot.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.StreamSession;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.EmulatorFrame;
import dev.camelovershoot.transport.rtc.FrameCounter;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Push to decoded latency over the native transport: each frame carries its number in its pixels; the emulator's
 * frame store records when it was decoded (same JVM, same clock). Reported, not asserted: performance belongs to
 * benchmarks.
 */
class PushToDecodedLatencyTest {

    private static final int FPS = 15;
    private static final int FRAMES = 45;

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.leaseTtlSeconds(30));

    private static final WebRtcRuntime RUNTIME = new WebRtcRuntime();

    private final OvershootEmulator emulator = EMULATOR.emulator();

    @AfterAll
    static void releaseWebRtc() {
        RUNTIME.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vp8", "h264"})
    void framesArriveInOrderAndTheLatencyIsReported(String codec) throws Exception {
        OvershootClient client = OvershootClient.builder().baseUrl(emulator.baseUrl()).apiKey(emulator.apiKey()).build();
        TransportSettings settings = new TransportSettings(codec, FPS, ColourFeed.WIDTH, ColourFeed.HEIGHT, List.of(),
                Duration.ofSeconds(15));
        Map<Integer, Long> pushedAt = new ConcurrentHashMap<>();
        StreamRequest request = StreamRequest.of(Processing.frame(0.5), Inference.of("p",
                OvershootEmulator.DEFAULT_MODELS.get(0).model()));
        try (VideoTransport transport = LiveKitTransport.serviceRoom(RUNTIME, HttpClient.newHttpClient(), settings);
             StreamSession session = StreamSession.builder(client, request).transport(transport).start();
             ColourFeed feed = new ColourFeed(transport, "gray", FPS, (frame, n) -> {
                 FrameCounter.draw(frame, n);
                 pushedAt.put(n, System.nanoTime());
             })) {
            await().atMost(Duration.ofSeconds(30)).until(() -> decoded(session.streamId()).size() >= FRAMES);

            List<Decoded> decoded = decoded(session.streamId());
            List<Double> latencies = new ArrayList<>();
            int previous = 0;
            for (Decoded frame : decoded) {
                assertThat(frame.counter()).isGreaterThan(previous);
                previous = frame.counter();
                latencies.add((frame.receivedNanos() - pushedAt.get(frame.counter())) / 1e6);
            }
            report(codec, feed.published(), decoded.size(), latencies);
        }
    }

    private record Decoded(int counter, long receivedNanos) {
    }

    /** The frames in the emulator's store, by the number drawn into them, in store order. */
    private List<Decoded> decoded(String streamId) {
        List<Decoded> out = new ArrayList<>();
        for (EmulatorFrame frame : emulator.frames(streamId)) {
            int counter = FrameCounter.read(frame.image(), frame.image().getWidth() / (double) frame.width());
            if (counter > 0) {
                out.add(new Decoded(counter, frame.receivedNanos()));
            }
        }
        return out;
    }

    private static void report(String codec, int published, int decoded, List<Double> latencies) {
        Collections.sort(latencies);
        System.out.printf("push->decoded %s 640x480@%d over LiveKit: %d published, %d decoded in the window;"
                        + " latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", codec, FPS, published, decoded,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
