package dev.camelovershoot.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The {@code cameras} property: name=url pairs, and a clear error naming the pair that is not one. */
class ClusteredCamerasRoutesTest {

    @Test
    void camerasAreNameUrlPairsInTheOrderGiven() {
        assertThat(ClusteredCamerasRoutes.cameras(" door=rtsp://cam1:554/a?x=1  gate=rtsp://u:p@cam2/b "))
                .containsExactly(entry("door", "rtsp://cam1:554/a?x=1"), entry("gate", "rtsp://u:p@cam2/b"));
    }

    @Test
    void aPairWithoutNameOrUrlIsRefusedByName() {
        assertThatThrownBy(() -> ClusteredCamerasRoutes.cameras("door=rtsp://cam1/a rtsp://u:secret@cam2/b?x=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cameras: entry 2 of 2 is not name=url")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ClusteredCamerasRoutes.cameras("door="))
                .hasMessageStartingWith("cameras: entry 1 of 1 is not name=url");
    }
}
