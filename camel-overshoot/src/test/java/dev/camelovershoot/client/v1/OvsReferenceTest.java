package dev.camelovershoot.client.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole ovs:// grammar, and the refusals that happen before anything is sent. */
class OvsReferenceTest {

    private static final String ID = "3f1c2a4e-0000-4000-8000-000000000001";

    @Test
    void framesByIndexTimestampAndOffsetWithSnapping() {
        assertThat(OvsReference.newestFrame(ID).uri()).isEqualTo("ovs://streams/" + ID + "?frame_index=-1");
        assertThat(OvsReference.frame(ID).index(-30).build().uri()).endsWith("?frame_index=-30");
        assertThat(OvsReference.frame(ID).index(42).build().uri()).endsWith("?frame_index=42");
        assertThat(OvsReference.frame(ID).at(Duration.ofMillis(1500)).tolerance(Duration.ofMillis(250))
                .direction(OvsReference.Direction.BACKWARD).build().uri())
                .endsWith("?timestamp_ms=1500&tolerance_ms=250&direction=backward");
        assertThat(OvsReference.frame(ID).offset(Duration.ofSeconds(-2)).direction(OvsReference.Direction.FORWARD)
                .build().uri()).endsWith("?offset_ms=-2000&direction=forward");
        assertThat(OvsReference.frame(ID).offset(Duration.ZERO).build().window()).isFalse();
    }

    @Test
    void windowsWithStartAndEndAnchorsOfAnyKindAndAFrameRate() {
        assertThat(OvsReference.last(ID, Duration.ofSeconds(5), 2).uri())
                .isEqualTo("ovs://streams/" + ID + "?start_offset_ms=-5000&max_fps=2");
        assertThat(OvsReference.window(ID).startIndex(-30).endIndex(-1).build().uri())
                .endsWith("?start_frame_index=-30&end_frame_index=-1");
        assertThat(OvsReference.window(ID).startAt(Duration.ofSeconds(1)).endOffset(Duration.ofMillis(-500))
                .maxFps(0.5).build().uri()).endsWith("?start_timestamp_ms=1000&end_offset_ms=-500&max_fps=0.5");
        assertThat(OvsReference.window(ID).startIndex(10).endAt(Duration.ofSeconds(3)).build().window()).isTrue();
        assertThat(OvsReference.window(ID).startOffset(Duration.ZERO).build().uri()).endsWith("?start_offset_ms=0");
    }

    @Test
    void aPartOfTheRightTypeCarriesIt() {
        assertThat(ContentPart.of(OvsReference.newestFrame(ID)).type()).isEqualTo("image_url");
        assertThat(ContentPart.of(OvsReference.last(ID, Duration.ofSeconds(3), 1)).videoUrl().url())
                .isEqualTo("ovs://streams/" + ID + "?start_offset_ms=-3000&max_fps=1");
    }

    @Test
    void twoAnchorsOfOneKindAreRefusedAtOnce() {
        assertThatThrownBy(() -> OvsReference.frame(ID).index(-1).at(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two")
                .hasMessageContaining("frame_index").hasMessageContaining("timestamp_ms");
        assertThatThrownBy(() -> OvsReference.window(ID).startIndex(1).startOffset(Duration.ofSeconds(-1)))
                .hasMessageContaining("start_frame_index").hasMessageContaining("start_offset_ms");
        assertThatThrownBy(() -> OvsReference.window(ID).startIndex(1).endIndex(5).endOffset(Duration.ZERO))
                .hasMessageContaining("end_frame_index").hasMessageContaining("end_offset_ms");
    }

    @Test
    void aRepeatedKeyIsRefused() {
        assertThatThrownBy(() -> OvsReference.frame(ID).index(1).index(2))
                .hasMessageContaining("frame_index is already set");
        assertThatThrownBy(() -> OvsReference.parse("ovs://streams/" + ID + "?frame_index=1&frame_index=2"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> OvsReference.window(ID).startIndex(0).maxFps(1).maxFps(2))
                .hasMessageContaining("max_fps is already set");
    }

    @Test
    void missingAnchorsUnknownKeysAndBadValuesAreRefused() {
        assertThatThrownBy(() -> OvsReference.frame(ID).tolerance(Duration.ofMillis(5)).build())
                .hasMessageContaining("needs one of");
        assertThatThrownBy(() -> OvsReference.window(ID).maxFps(1).build()).hasMessageContaining("start_");
        assertThatThrownBy(() -> OvsReference.parse("ovs://streams/" + ID + "?frame_index=-1&max_fps=2"))
                .hasMessageContaining("unknown parameter max_fps");
        assertThatThrownBy(() -> OvsReference.parse("ovs://streams/" + ID + "?frame_index=newest"))
                .hasMessageContaining("invalid frame_index");
        assertThatThrownBy(() -> OvsReference.frame(ID).index(0).tolerance(Duration.ZERO).build())
                .hasMessageContaining("tolerance_ms");
        assertThatThrownBy(() -> OvsReference.parse("ovs://streams/" + ID + "?timestamp_ms=-5"))
                .hasMessageContaining("timestamp_ms");
        assertThatThrownBy(() -> OvsReference.window(ID).maxFps(0)).hasMessageContaining("max_fps");
        assertThatThrownBy(() -> OvsReference.parse("https://example.com/a.jpg")).hasMessageContaining("ovs://");
        assertThatThrownBy(() -> OvsReference.frame("a/b")).hasMessageContaining("stream id");
    }

    @Test
    void anEndNotAfterItsStartIsRefusedSinceEndsAreExclusive() {
        assertThatThrownBy(() -> OvsReference.window(ID).startIndex(10).endIndex(10).build())
                .hasMessageContaining("exclusive");
        assertThatThrownBy(() -> OvsReference.window(ID).startOffset(Duration.ofSeconds(-1))
                .endOffset(Duration.ofSeconds(-2)).build()).hasMessageContaining("before it starts");
        // Kinds and signs that cannot be compared are left to the service.
        assertThat(OvsReference.window(ID).startIndex(5).endIndex(-1).build().query())
                .containsEntry("end_frame_index", "-1");
    }

    @Test
    void parsingKeepsOrderAndKindAndARecreatedStreamKeepsTheQuery() {
        OvsReference window = OvsReference.parse("ovs://streams/" + ID
                + "?start_timestamp_ms=1200.5&end_frame_index=90&max_fps=3");

        assertThat(window.window()).isTrue();
        assertThat(window.query()).containsExactly(java.util.Map.entry("start_timestamp_ms", "1200.5"),
                java.util.Map.entry("end_frame_index", "90"), java.util.Map.entry("max_fps", "3"));
        assertThat(window.withStreamId("other").uri())
                .isEqualTo("ovs://streams/other?start_timestamp_ms=1200.5&end_frame_index=90&max_fps=3");
        assertThat(OvsReference.parse(OvsReference.newestFrame(ID).uri())).isEqualTo(OvsReference.newestFrame(ID));
    }
}
