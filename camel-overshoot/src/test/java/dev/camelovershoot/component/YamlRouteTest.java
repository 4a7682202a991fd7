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

/** YAML DSL routes run by camel-main, with the component configured from properties. */
class YamlRouteTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @Test
    void yamlRoutesPublishFramesAndReceiveResults() throws Exception {
        OvershootEmulator emulator = EMULATOR.emulator();
        runUntilResult(emulator, "classpath:routes/overshoot-yaml.yaml", "mock:yaml", "yellow");
        assertThat(emulator.streams()).singleElement().satisfies(stream -> {
            assertThat(stream.endReason()).isEqualTo("client_requested");
            assertThat(emulator.requests()).anyMatch(r -> r.method().equals("DELETE")
                    && r.path().equals("/streams/" + stream.id()));
        });
    }

    /**
     * Runs the YAML routes with camel-main, the component pointed at the emulator and bean {@code frames} making
     * frames of the colour, until the mock received a result naming the colour, asked with the prompt "What colour is
     * the scene?"; then stops.
     */
    static void runUntilResult(OvershootEmulator emulator, String routes, String mock, String colour)
            throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(routes);
        main.addOverrideProperty("camel.component.overshoot.api-url", emulator.baseUrl());
        main.addOverrideProperty("camel.component.overshoot.api-key", emulator.apiKey());
        main.addOverrideProperty("camel.component.overshoot.model", EmulatorCamelTest.MODEL);
        main.bind("frames", (Processor) exchange -> exchange.getMessage()
                .setBody(TestImages.solid(160, 120, colour)));
        main.start();
        try {
            MockEndpoint results = main.getCamelContext().getEndpoint(mock, MockEndpoint.class);
            await().atMost(EmulatorCamelTest.WAIT).until(() -> results.getExchanges().stream()
                    .anyMatch(e -> e.getMessage().getBody(String.class).contains("\"color\":\"" + colour + "\"")));
            assertThat(results.getExchanges().get(0).getMessage().getHeader(OvershootConstants.PROMPT))
                    .isEqualTo("What colour is the scene?");
        } finally {
            main.stop();
        }
    }
}
