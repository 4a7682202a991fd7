package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class I420FramePoolTest {

    private final I420FramePool pool = new I420FramePool();

    @Test
    void aClosedFramesMemoryServesTheNextFrame() {
        for (int i = 0; i < 100; i++) {
            pool.acquire(640, 480, i).close();
        }
        assertThat(pool.allocations()).isEqualTo(1);
    }

    @Test
    void framesHeldAtTheSameTimeHaveTheirOwnMemory() {
        try (I420Frame first = pool.acquire(64, 48, 0); I420Frame second = pool.acquire(64, 48, 1)) {
            first.y().put(0, (byte) 1);
            second.y().put(0, (byte) 2);
            assertThat(first.y().get(0)).isEqualTo((byte) 1);
        }
        assertThat(pool.allocations()).isEqualTo(2);
        pool.acquire(64, 48, 2).close();
        assertThat(pool.allocations()).isEqualTo(2);
    }

    @Test
    void aNewSizeAllocatesAndOldSizesAreNotKept() {
        I420Frame small = pool.acquire(32, 32, 0);
        pool.acquire(64, 64, 1).close();
        small.close();
        pool.acquire(64, 64, 2).close();

        assertThat(pool.allocations()).isEqualTo(2);
    }

    @Test
    void planesHaveAlignedStridesAndRoomForEveryRow() {
        try (I420Frame frame = pool.acquire(33, 17, 0)) {
            assertThat(frame.strideY()).isEqualTo(48);
            assertThat(frame.strideU()).isEqualTo(32).isEqualTo(frame.strideV());
            assertThat(frame.y().capacity()).isGreaterThanOrEqualTo(48 * 17);
            assertThat(frame.u().capacity()).isGreaterThanOrEqualTo(32 * 9);
        }
    }

    @Test
    void aClosedFrameCannotBeReadAndClosesOnce() {
        I420Frame frame = pool.acquire(16, 16, 0);
        frame.close();
        frame.close();

        assertThatThrownBy(frame::y).isInstanceOf(IllegalStateException.class).hasMessageContaining("already closed");
        try (I420Frame a = pool.acquire(16, 16, 1); I420Frame b = pool.acquire(16, 16, 2)) {
            assertThat(pool.allocations()).as("closing twice returned the memory once").isEqualTo(2);
        }
    }
}
