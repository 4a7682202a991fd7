package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import org.apache.camel.Processor;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
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
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/overshoot-kamelets.yaml");
        main.addOverrideProperty("camel.component.overshoot.api-url", emulator.baseUrl());
        main.addOverrideProperty("camel.component.overshoot.api-key", emulator.apiKey());
        main.addOverrideProperty("camel.component.overshoot.model", EmulatorCamelTest.MODEL);
        main.bind("frames", (Processor) exchange -> exchange.getMessage()
                .setBody(TestImages.solid(160, 120, "magenta")));
        main.start();
        try {
            MockEndpoint results = main.getCamelContext().getEndpoint("mock:kamelets", MockEndpoint.class);
            await().atMost(EmulatorCamelTest.WAIT).until(() -> results.getExchanges().stream()
                    .anyMatch(e -> e.getMessage().getBody(String.class).contains("\"color\":\"magenta\"")));
            assertThat(results.getExchanges().get(0).getMessage().getHeader(OvershootConstants.PROMPT))
                    .isEqualTo("What colour is the scene?");
        } finally {
            main.stop();
        }
        assertThat(emulator.streams()).singleElement()
                .satisfies(stream -> assertThat(stream.endReason()).isEqualTo("client_requested"));
    }
}
