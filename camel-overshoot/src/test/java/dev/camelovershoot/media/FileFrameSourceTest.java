package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFrameSourceTest {

    private static final long END_TIMEOUT_SECONDS = 15;
    /** 2 s at 10 fps: 7 red, 7 green, 6 blue frames. */
    private static final List<String> SEGMENTS = segmentsRedGreenBlue();

    @TempDir
    static Path videos;
    private static Path twoSeconds;
    private static Path halfSecond;

    @BeforeAll
    static void recordVideos() throws Exception {
        twoSeconds = TestVideos.mp4(videos.resolve("rgb.mp4"), 10, SEGMENTS);
        halfSecond = TestVideos.mp4(videos.resolve("short.mp4"), 10, TestVideos.segments(2, "red", "blue"));
    }

    @Test
    void playsAFileInRealTimeWithColoursFollowingItsSegments() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (FrameSource source = FrameSources.open(twoSeconds.toString())) {
            source.start(sink);
            SourceEnd end = sink.end.get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(end.failed()).as(end.describe()).isFalse();
            assertThat(end.describe()).endsWith("reached its end after " + SEGMENTS.size() + " frames");
        }
        assertThat(sink.colours()).containsExactlyElementsOf(SEGMENTS);
        assertThat(sink.frames).allSatisfy(frame -> assertThat(frame.width()).isEqualTo(TestVideos.WIDTH));
        assertThat(sink.timestamps()).first().isEqualTo(0L);
        assertThat(sink.timestamps()).last().isEqualTo(1_900_000_000L);
        // 1.9 s of media between first and last frame: real-time pacing, with generous slack for a busy machine
        long playedNanos = sink.frames.get(sink.frames.size() - 1).arrivedNanos() - sink.frames.get(0).arrivedNanos();
        assertThat(Duration.ofNanos(playedNanos)).isBetween(Duration.ofMillis(1_700), Duration.ofMillis(4_000));
    }

    @Test
    void acceptsFileUris() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (FrameSource source = FrameSources.open(halfSecond.toUri().toString())) {
            source.start(sink);
            assertThat(sink.end.get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS).failed()).isFalse();
        }
        assertThat(sink.colours()).containsExactly("red", "red", "blue", "blue");
    }

    @Test
    void loopsWithTheStreamClockRunningOn() {
        RecordingSink sink = new RecordingSink();
        try (FrameSource source = FrameSources.open(halfSecond.toString(), FrameSourceOptions.DEFAULTS.withLoop(true))) {
            source.start(sink);
            await().atMost(Duration.ofSeconds(END_TIMEOUT_SECONDS)).until(() -> sink.frames.size() >= 10);
        }
        List<String> firstTen = sink.colours().subList(0, 10);
        assertThat(firstTen).containsExactly("red", "red", "blue", "blue", "red", "red", "blue", "blue", "red", "red");
        List<Long> timestamps = sink.timestamps().subList(0, 10);
        for (int i = 0; i < timestamps.size(); i++) {
            assertThat(timestamps.get(i)).isEqualTo(i * 100_000_000L);
        }
        assertThat(sink.end).as("closing a source reports no end").isNotDone();
    }

    @Test
    void capsTheFrameRateAndScales() throws Exception {
        RecordingSink sink = new RecordingSink();
        FrameSourceOptions options = FrameSourceOptions.DEFAULTS.withMaxFps(2).withSize(64, 48);
        try (FrameSource source = FrameSources.open(twoSeconds.toString(), options)) {
            source.start(sink);
            assertThat(sink.end.get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS).failed()).isFalse();
        }
        assertThat(sink.timestamps()).containsExactly(0L, 500_000_000L, 1_000_000_000L, 1_500_000_000L);
        assertThat(sink.colours()).containsExactly("red", "red", "green", "blue");
        assertThat(sink.frames).allSatisfy(frame -> {
            assertThat(frame.width()).isEqualTo(64);
            assertThat(frame.height()).isEqualTo(48);
        });
    }

    @Test
    void closeStopsDeliveryPromptly() {
        RecordingSink sink = new RecordingSink();
        FrameSource source = FrameSources.open(twoSeconds.toString(), FrameSourceOptions.DEFAULTS.withLoop(true));
        source.start(sink);
        await().atMost(Duration.ofSeconds(END_TIMEOUT_SECONDS)).until(() -> !sink.frames.isEmpty());

        long before = System.nanoTime();
        source.close();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        int delivered = sink.frames.size();
        // the reader thread has finished when close() returns: nothing arrives any more
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> sink.frames.size() == delivered);
        assertThat(sink.end).isNotDone();
    }

    @Test
    void reportsAFileThatIsNotAVideoAsFailed() throws Exception {
        Path notVideo = Files.writeString(videos.resolve("notes.mp4"), "not a video");
        RecordingSink sink = new RecordingSink();
        try (FrameSource source = FrameSources.open(notVideo.toString())) {
            source.start(sink);
            SourceEnd end = sink.end.get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(end.failed()).isTrue();
            assertThat(end.source()).isEqualTo(notVideo.toString());
            assertThat(end.describe()).startsWith("frame source " + notVideo + " failed: ")
                    .contains("Could not open input");
        }
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void reportsAFileWithoutVideoAsFailed() throws Exception {
        Path audioOnly = videos.resolve("tone.wav");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(audioOnly.toString(), 1)) {
            recorder.setFormat("wav");
            recorder.setSampleRate(8_000);
            recorder.start();
            recorder.recordSamples(ShortBuffer.allocate(800));
            recorder.stop();
        }
        RecordingSink sink = new RecordingSink();
        try (FrameSource source = FrameSources.open(audioOnly.toString())) {
            source.start(sink);

            assertThat(sink.end.get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS).cause()).hasMessage("no video stream in " + audioOnly);
        }
    }

    @Test
    void aSinkThatThrowsEndsTheSourceWithItsException() throws Exception {
        List<I420Frame> handedOut = new ArrayList<>();
        RecordingSink sink = new RecordingSink(frame -> {
            handedOut.add(frame);
            throw new IllegalStateException("downstream is gone");
        });
        try (FrameSource source = FrameSources.open(twoSeconds.toString())) {
            source.start(sink);
            SourceEnd end = sink.end.get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(end.cause()).isInstanceOf(IllegalStateException.class).hasMessage("downstream is gone");
        }
        assertThat(handedOut).hasSize(1);
    }

    private static List<String> segmentsRedGreenBlue() {
        List<String> frames = new ArrayList<>(TestVideos.segments(7, "red", "green"));
        frames.addAll(TestVideos.segments(6, "blue"));
        return List.copyOf(frames);
    }
}
