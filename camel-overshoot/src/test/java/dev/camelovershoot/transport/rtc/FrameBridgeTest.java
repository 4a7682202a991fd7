package dev.camelovershoot.transport.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.media.FrameColours;
import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.I420FramePool;
import dev.camelovershoot.media.TestFrames;
import dev.camelovershoot.testinfra.inference.Palette;
import dev.onvoid.webrtc.media.video.I420Buffer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames pushed through the bridge into a real peer connection, encoded, sent over this machine's network interface,
 * decoded by a second peer connection in the same JVM and checked frame by frame.
 */
class FrameBridgeTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FPS = 15;
    private static final List<String> COLOURS = List.of("red", "green", "blue");
    private static final int FRAMES_PER_COLOUR = 10;
    private static final int FRAMES = COLOURS.size() * FRAMES_PER_COLOUR;

    private static WebRtcRuntime runtime;

    /** What the receiver saw of one decoded frame. */
    private record Decoded(int counter, String colour, long receivedNanos) {
    }

    @BeforeAll
    static void startWebRtc() {
        runtime = new WebRtcRuntime();
    }

    @AfterAll
    static void stopWebRtc() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VP8", "H264"})
    void pushedFramesArriveDecodedInOrder(String codec) throws Exception {
        List<Decoded> decoded = new CopyOnWriteArrayList<>();
        Map<Integer, Long> pushedNanos = new ConcurrentHashMap<>();
        try (FrameBridge bridge = runtime.createFrameBridge("camera")) {
            try (ReceivingPeer receiver = new ReceivingPeer(runtime.factory(), (frame, at) -> decoded.add(decode(frame, at)));
                 SendingPeer sender = new SendingPeer(runtime.factory(), bridge.track(), codec)) {
                TestPeer.connect(sender, receiver);
                assertThat(sender.negotiatedCodec()).isEqualTo(codec);

                pushColouredFrames(bridge, pushedNanos);
                // the last frames may be dropped by the encoder's rate control: wait for one of them
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !decoded.isEmpty() && decoded.get(decoded.size() - 1).counter() >= FRAMES - 3);
            }
            assertThat(bridge.nativeBufferAllocations()).as("native buffers reused").isLessThanOrEqualTo(NativeBufferPool.MAX_BUFFERS);
            System.out.printf("%s: %d native buffers for %d frames pushed, %d dropped as busy%n", codec,
                    bridge.nativeBufferAllocations(), FRAMES, bridge.droppedFrames());
        }

        List<Integer> counters = decoded.stream().map(Decoded::counter).toList();
        assertThat(counters).as("frame numbers, in arrival order").isSorted().doesNotHaveDuplicates();
        assertThat(counters).allSatisfy(counter -> assertThat(counter).isBetween(0, FRAMES - 1));
        assertThat(decoded.size()).as("frames delivered").isGreaterThanOrEqualTo(FRAMES / 2);
        assertThat(decoded).allSatisfy(frame ->
                assertThat(frame.colour()).as("colour of frame %d", frame.counter()).isEqualTo(colourOf(frame.counter())));
        assertThat(decoded.stream().map(Decoded::colour).distinct().toList()).isEqualTo(COLOURS);
        report(codec, decoded, pushedNanos);
    }

    @Test
    void aSteadyStreamReusesOneNativeBufferWhenNothingHoldsFrames() {
        I420FramePool pool = new I420FramePool();
        try (FrameBridge bridge = runtime.createFrameBridge("idle")) {
            for (int i = 0; i < 50; i++) {
                try (I420Frame frame = TestFrames.solid(pool, 320, 240, "red", i)) {
                    assertThat(bridge.push(frame)).isTrue();
                }
            }
            assertThat(bridge.nativeBufferAllocations()).isEqualTo(1);

            try (I420Frame larger = TestFrames.solid(pool, 640, 360, "red", 50)) {
                bridge.push(larger);
            }
            assertThat(bridge.nativeBufferAllocations()).as("a new size needs a new buffer").isEqualTo(2);
        }
    }

    @Test
    void refusesFramesAfterClose() {
        FrameBridge bridge = runtime.createFrameBridge("closed");
        bridge.close();
        bridge.close();
        try (I420Frame frame = TestFrames.solid(new I420FramePool(), 16, 16, "red", 0)) {
            assertThatThrownBy(() -> bridge.push(frame))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("frame bridge for track closed is closed");
        }
    }

    private static void pushColouredFrames(FrameBridge bridge, Map<Integer, Long> pushedNanos) throws InterruptedException {
        I420FramePool pool = new I420FramePool();
        CountDownLatch pushed = new CountDownLatch(FRAMES);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            pacer.scheduleAtFixedRate(() -> {
                int counter = (int) (FRAMES - pushed.getCount());
                try (I420Frame frame = TestFrames.solid(pool, WIDTH, HEIGHT, colourOf(counter), counter)) {
                    FrameCounter.draw(frame, counter);
                    pushedNanos.put(counter, System.nanoTime());
                    bridge.push(frame);
                }
                pushed.countDown();
            }, 0, 1_000_000 / FPS, TimeUnit.MICROSECONDS);
            assertThat(pushed.await(FRAMES / FPS + 10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pacer.shutdownNow();
            assertThat(pacer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static String colourOf(int counter) {
        return COLOURS.get(Math.min(counter / FRAMES_PER_COLOUR, COLOURS.size() - 1));
    }

    /** The counter, and the colour of the frame below the counter's row of blocks. */
    private static Decoded decode(I420Buffer frame, long receivedNanos) {
        int top = 2 * FrameCounter.BLOCK;
        double y = average(frame.getDataY(), frame.getStrideY(), 0, top, frame.getWidth(), frame.getHeight());
        int chromaWidth = (frame.getWidth() + 1) / 2;
        int chromaHeight = (frame.getHeight() + 1) / 2;
        double u = average(frame.getDataU(), frame.getStrideU(), 0, top / 2, chromaWidth, chromaHeight);
        double v = average(frame.getDataV(), frame.getStrideV(), 0, top / 2, chromaWidth, chromaHeight);
        return new Decoded(FrameCounter.read(frame), Palette.nearest(FrameColours.rgb(y, u, v)), receivedNanos);
    }

    /** Average of every 4th pixel of every 4th row in columns [x0, x1) and rows [y0, y1). */
    private static double average(ByteBuffer plane, int stride, int x0, int y0, int x1, int y1) {
        long sum = 0;
        long count = 0;
        for (int row = y0; row < y1; row += 4) {
            for (int col = x0; col < x1; col += 4) {
                sum += plane.get(row * stride + col) & 0xFF;
                count++;
            }
        }
        return (double) sum / count;
    }

    /** Push→decoded latency, printed to this test's surefire output file (not asserted: the machine is shared). */
    private static void report(String codec, List<Decoded> decoded, Map<Integer, Long> pushedNanos) {
        List<Double> millis = new ArrayList<>();
        for (Decoded frame : decoded) {
            millis.add((frame.receivedNanos() - pushedNanos.get(frame.counter())) / 1e6);
        }
        millis.sort(null);
        System.out.printf(Locale.ROOT, "%s %dx%d@%d: decoded %d/%d frames, push->decoded latency p50 %.1f ms, p95 %.1f ms,"
                        + " max %.1f ms (%d cores)%n", codec, WIDTH, HEIGHT, FPS, decoded.size(), FRAMES,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1),
                Runtime.getRuntime().availableProcessors());
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
