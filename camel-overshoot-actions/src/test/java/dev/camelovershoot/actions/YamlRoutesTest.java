package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code routes/gestures.yaml}: a detector bean wired to an overshoot: stream and overshoot-actions: endpoints, the
 * stream on the emulator, whose model answers with scripted results. The stream has no source: one frame handed to
 * the emulator is sampled every interval.
 */
@Timeout(60)
// try-with-resources on CamelContext, whose close() declares InterruptedException: the tests let it propagate
@SuppressWarnings("try")
class YamlRoutesTest {

    private static final String WAVE = Results.detecting("waving");
    private static final String NOTHING = Results.of();
    private static final ScriptedModel MODEL = new ScriptedModel();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .idleAfter(Duration.ofMinutes(1))
            .backend(MODEL));

    @Test
    void detectsEventsFromTheStreamAndAnswersTheSummary(OvershootEmulator emulator) throws Exception {
        List.of(NOTHING, WAVE, WAVE, WAVE, WAVE, NOTHING, NOTHING, NOTHING).forEach(MODEL.script()::enqueue);
        try (CamelContext context = EmulatorConnection.byDefault(new DefaultCamelContext(), emulator)) {
            context.getComponent("overshoot-actions", ActionsComponent.class).clock(new SteppingClock());
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/gestures.yaml"));
            MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
            events.expectedMessageCount(1);
            events.expectedHeaderReceived(ActionsConstants.DURATION, 2.0);

            context.start();
            String streamId = EmulatorConnection.feedOneFrame(emulator);

            events.assertIsSatisfied(20_000);
            ActionDetector gestures = context.getRegistry().lookupByNameAndType("gestures", ActionDetector.class);
            assertThat(gestures.actions()).containsExactly("waving", "thumbs up");
            assertThat(emulator.stream(streamId).orElseThrow().prompt()).isEqualTo(gestures.prompt());
            assertThat(MODEL.lastAsked().outputSchema()).isEqualTo(gestures.outputSchema());
            DetectedAction event = events.getExchanges().get(0).getMessage().getBody(DetectedAction.class);
            assertThat(event).extracting(DetectedAction::action, DetectedAction::timestamp,
                    DetectedAction::frameNumber, DetectedAction::confidence, DetectedAction::duration)
                    .containsExactly("waving", 0.5, 1L, 0.9, 2.0);
            assertThat(event.metadata()).containsEntry("stream_id", streamId).containsEntry("detections", 4)
                    .extractingByKey("result_id").asString().startsWith("res_");
            assertThat(context.createProducerTemplate().requestBody("direct:summary", (Object) null))
                    .isEqualTo(Map.of("waving", 1));
        }
    }
}
