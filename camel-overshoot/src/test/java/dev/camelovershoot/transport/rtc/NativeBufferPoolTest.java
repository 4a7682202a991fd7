package dev.camelovershoot.transport.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelovershoot.media.I420Frame;
import dev.camelovershoot.media.I420FramePool;
import dev.camelovershoot.media.TestFrames;
import dev.camelovershoot.testinfra.inference.Palette;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Buffer reuse without an encoder: an extra reference taken in the test stands for a frame the encoder still holds.
 */
class NativeBufferPoolTest {

    private final I420FramePool frames = new I420FramePool();

    @BeforeAll
    static void loadWebRtc() {
        WebRtcNatives.load();
        assertThat(NativeRefCount.probe()).as("reference count probe for this webrtc-java build").isPresent();
    }

    @Test
    void aBufferStillReferencedElsewhereIsNeverRefilled() {
        try (NativeBufferPool pool = new NativeBufferPool(NativeRefCount.probe())) {
            NativeBufferPool.Slot held = fill(pool, "red");
            held.buffer().retain();

            NativeBufferPool.Slot next = fill(pool, "blue");

            assertThat(next.buffer()).isNotSameAs(held.buffer());
            assertThat(lumaOf(held)).as("the held buffer keeps its red frame").isEqualTo(luma("red"));
            assertThat(lumaOf(next)).isEqualTo(luma("blue"));

            held.buffer().release();
            assertThat(fill(pool, "green").buffer()).as("released again: reused").isSameAs(held.buffer());
            assertThat(pool.allocations()).isEqualTo(2);
        }
    }

    @Test
    void dropsTheFrameWhenEveryBufferIsHeld() {
        List<NativeBufferPool.Slot> held = new ArrayList<>();
        try (NativeBufferPool pool = new NativeBufferPool(NativeRefCount.probe())) {
            for (int i = 0; i < NativeBufferPool.MAX_BUFFERS; i++) {
                NativeBufferPool.Slot slot = fill(pool, "red");
                slot.buffer().retain();
                held.add(slot);
            }
            assertThat(fill(pool, "red")).isNull();
        } finally {
            held.forEach(slot -> slot.buffer().release());
        }
    }

    @Test
    void closingLeavesBuffersHeldElsewhereAliveUntilReleased() {
        NativeBufferPool pool = new NativeBufferPool(NativeRefCount.probe());
        NativeBufferPool.Slot held = fill(pool, "red");
        held.buffer().retain();

        pool.close();

        assertThat(NativeRefCount.soleOwner(held.header())).as("only the holder's reference is left").isTrue();
        held.buffer().release();
        assertThatThrownBy(() -> held.buffer().retain()).as("freed").isInstanceOf(NullPointerException.class);
    }

    @Test
    void withoutTheProbeEveryFrameGetsAFreshBufferOwnedByTheEncoder() {
        try (NativeBufferPool pool = new NativeBufferPool(Optional.empty())) {
            NativeBufferPool.Slot first = fill(pool, "red");
            pool.pushed(first);
            NativeBufferPool.Slot second = fill(pool, "red");
            pool.pushed(second);

            assertThat(pool.allocations()).isEqualTo(2);
            assertThatThrownBy(() -> first.buffer().retain()).as("no reference left: freed").isInstanceOf(NullPointerException.class);
        }
    }

    private static int lumaOf(NativeBufferPool.Slot slot) {
        return slot.y().get(0) & 0xFF;
    }

    private static int luma(String colour) {
        return TestFrames.yuv(Palette.rgb(colour))[0];
    }

    private NativeBufferPool.Slot fill(NativeBufferPool pool, String colour) {
        try (I420Frame frame = TestFrames.solid(frames, 64, 48, colour, 0)) {
            return pool.fill(frame);
        }
    }
}
