package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The overshoot-actions-source Kamelet this module ships, loaded by camel-kamelet from the classpath and run from a
 * YAML route against the emulator: the stream is asked the detector's prompt and schema, and each detected action
 * comes out as a DetectedAction with the consumer's headers.
 */
@Timeout(60)
// try-with-resources on CamelContext, whose close() declares InterruptedException: the test lets it propagate
@SuppressWarnings("try")
class ActionsKameletTest {

    private static final ScriptedModel MODEL = new ScriptedModel();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .idleAfter(Duration.ofMinutes(1))
            .backend(MODEL));

    @Test
    void detectedActionsComeOutOfTheKamelet(OvershootEmulator emulator) throws Exception {
        List.of(Results.of(), Results.detecting("waving"), Results.of(Results.entry("thumbs up", 0.4, true)),
                Results.detecting("thumbs up")).forEach(MODEL.script()::enqueue);
        ActionDetector expected = ActionDetector.builder().actions(List.of("waving", "thumbs up")).build();
        try (CamelContext context = EmulatorConnection.byDefault(new DefaultCamelContext(), emulator)) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/actions-kamelet.yaml"));
            MockEndpoint actions = context.getEndpoint("mock:actions", MockEndpoint.class);
            actions.expectedMessageCount(2);

            context.start();
            String streamId = EmulatorConnection.feedOneFrame(emulator);

            actions.assertIsSatisfied(20_000);
            assertThat(emulator.stream(streamId).orElseThrow().prompt()).isEqualTo(expected.prompt());
            assertThat(MODEL.lastAsked().outputSchema()).isEqualTo(expected.outputSchema());
            Message waving = actions.getExchanges().get(0).getMessage();
            assertThat(waving.getBody(DetectedAction.class)).extracting(DetectedAction::action,
                    DetectedAction::confidence, DetectedAction::duration).containsExactly("waving", 0.9, null);
            assertThat(waving.getHeaders()).containsEntry(ActionsConstants.ACTION, "waving")
                    .containsEntry(ActionsConstants.CONFIDENCE, 0.9).containsEntry(ActionsConstants.FRAME_NUMBER, 1L)
                    .doesNotContainKey(ActionsConstants.DURATION);
            assertThat(actions.getExchanges().get(1).getMessage().getHeader(ActionsConstants.ACTION))
                    .isEqualTo("thumbs up");
        }
    }
}
