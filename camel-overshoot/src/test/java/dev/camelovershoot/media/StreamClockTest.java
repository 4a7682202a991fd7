package dev.camelovershoot.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate cap and the stream timeline, on synthetic timestamps. */
class StreamClockTest {

    @Test
    void capKeepsARegularSubsetOfA30FpsStream() {
        FrameRateCap cap = new FrameRateCap(2);
        List<Integer> kept = new ArrayList<>();
        for (int frame = 0; frame < 90; frame++) {
            if (cap.admit(Math.round(frame * 1e9 / 30))) {
                kept.add(frame);
            }
        }
        assertThat(kept).containsExactly(0, 15, 30, 45, 60, 75);
    }

    @Test
    void capResynchronisesAfterAGap() {
        FrameRateCap cap = new FrameRateCap(10);
        assertThat(cap.admit(0)).isTrue();
        assertThat(cap.admit(50_000_000)).isFalse();
        assertThat(cap.admit(5_030_000_000L)).isTrue();
        assertThat(cap.admit(5_100_000_000L)).isFalse();
        assertThat(cap.admit(5_130_000_000L)).isTrue();
    }

    @Test
    void noCapKeepsEverything() {
        FrameRateCap cap = new FrameRateCap(0);
        assertThat(cap.admit(0)).isTrue();
        assertThat(cap.admit(1)).isTrue();
    }

    @Test
    void timelineStartsAtZeroAndRunsOnAcrossPasses() {
        StreamTimeline timeline = new StreamTimeline();
        assertThat(timeline.position(1_400_000)).isZero();
        assertThat(timeline.position(1_500_000)).isEqualTo(100_000_000);
        timeline.nextPass();
        assertThat(timeline.position(1_400_000)).isEqualTo(200_000_000);
        assertThat(timeline.position(1_500_000)).isEqualTo(300_000_000);
    }
}
