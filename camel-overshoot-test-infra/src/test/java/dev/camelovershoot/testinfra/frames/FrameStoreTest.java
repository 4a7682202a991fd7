package dev.camelovershoot.testinfra.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrameStoreTest {

    @Test
    void framesGetLifetimeIndexesAndStreamClockTimestamps() {
        FrameStore store = new FrameStore(10, 320);
        EmulatorFrame first = store.add(TestImages.solid(64, 48, "red"));
        EmulatorFrame second = store.add(TestImages.solid(64, 48, "blue"));

        assertThat(first.index()).isZero();
        assertThat(first.timestampMs()).isZero();
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.timestampMs()).isGreaterThanOrEqualTo(0);
        assertThat(store.latest()).contains(second);
        assertThat(store.received()).isEqualTo(2);
    }

    @Test
    void keepsAtMostMaxFramesButCountsEveryFrame() {
        FrameStore store = new FrameStore(3, 320);
        for (int i = 0; i < 5; i++) {
            store.add(TestImages.solid(8, 8, "gray"));
        }
        assertThat(store.receivedBetween(System.nanoTime() - 60_000_000_000L, System.nanoTime()))
                .extracting(EmulatorFrame::index).containsExactly(2L, 3L, 4L);
        assertThat(store.received()).isEqualTo(5);
    }

    @Test
    void scalesLargeFramesDownButRemembersTheirSize() {
        FrameStore store = new FrameStore(3, 320);
        EmulatorFrame frame = store.add(TestImages.solid(1280, 720, "green"));

        assertThat(frame.width()).isEqualTo(1280);
        assertThat(frame.height()).isEqualTo(720);
        assertThat(frame.image().getWidth()).isEqualTo(320);
        assertThat(frame.image().getHeight()).isEqualTo(180);
    }

    @Test
    void activityIsPendingThenActiveThenIdle() {
        FrameStore store = new FrameStore(3, 320);
        assertThat(store.activity(Duration.ofSeconds(1))).isEqualTo(StreamActivity.PENDING);

        store.add(TestImages.solid(8, 8, "white"));
        assertThat(store.activity(Duration.ofSeconds(30))).isEqualTo(StreamActivity.ACTIVE);
        assertThat(store.activity(Duration.ZERO.minusNanos(1))).isEqualTo(StreamActivity.IDLE);
        assertThat(StreamActivity.IDLE.wireName()).isEqualTo("idle");
    }

    @Test
    void convertsDecodedI420PlanesWhileScalingDown() {
        FrameStore store = new FrameStore(3, 32);
        // BT.601 limited-range red: Y 81, Cb 90, Cr 240.
        EmulatorFrame frame = store.add(solidI420(640, 360, 81, 90, 240));

        assertThat(frame.width()).isEqualTo(640);
        assertThat(frame.height()).isEqualTo(360);
        assertThat(frame.image().getWidth()).isEqualTo(32);
        assertThat(frame.image().getHeight()).isEqualTo(18);
        assertThat(FrameColours.colourOf(frame)).isEqualTo("red");
    }

    private static I420Planes solidI420(int width, int height, int y, int u, int v) {
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        return new I420Planes(width, height, filled(width * height, y), width, filled(chromaWidth * chromaHeight, u),
                chromaWidth, filled(chromaWidth * chromaHeight, v), chromaWidth);
    }

    private static ByteBuffer filled(int size, int value) {
        ByteBuffer plane = ByteBuffer.allocateDirect(size);
        while (plane.hasRemaining()) {
            plane.put((byte) value);
        }
        return plane.flip();
    }
}
