package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kamelets this module ships, loaded by camel-kamelet from the classpath and run from YAML routes by camel-main:
 * frames into overshoot-video-sink reach the model, its results come out of overshoot-results-source.
 */
class KameletTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @Test
    void framesIntoTheSinkGiveResultsOutOfTheSource() throws Exception {
        OvershootEmulator emulator = EMULATOR.emulator();
        YamlRouteTest.runUntilResult(emulator, "classpath:routes/overshoot-kamelets.yaml", "mock:kamelets",
                "magenta");
        assertThat(emulator.streams()).singleElement()
                .satisfies(stream -> assertThat(stream.endReason()).isEqualTo("client_requested"));
    }
}
