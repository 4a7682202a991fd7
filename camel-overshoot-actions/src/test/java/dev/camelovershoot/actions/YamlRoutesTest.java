package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** {@code routes/gestures.yaml}: a detector bean wired to an overshoot: stream and overshoot-actions: endpoints. */
// try-with-resources on CamelContext, whose close() declares InterruptedException: the tests let it propagate
@SuppressWarnings("try")
class YamlRoutesTest {

    private static final String WAVE = Results.detecting("waving");
    private static final String NOTHING = Results.of();

    @Test
    void detectsEventsFromTheStreamAndAnswersTheSummary() throws Exception {
        FakeOvershootComponent overshoot = new FakeOvershootComponent(
                List.of(NOTHING, WAVE, WAVE, WAVE, WAVE, NOTHING, NOTHING, NOTHING), false);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("overshoot", overshoot);
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(context, "classpath:routes/gestures.yaml"));
            MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
            events.expectedMessageCount(1);
            events.expectedHeaderReceived(ActionsConstants.DURATION, 2.0);

            context.start();

            events.assertIsSatisfied(10_000);
            ActionDetector gestures = context.getRegistry().lookupByNameAndType("gestures", ActionDetector.class);
            assertThat(gestures.actions()).containsExactly("waving", "thumbs up");
            assertThat(overshoot.options("cam")).isEqualTo(Map.of("intervalSeconds", "0.5",
                    "prompt", gestures.prompt(), "outputSchema", gestures.outputSchemaJson()));
            assertThat(events.getExchanges().get(0).getMessage().getBody()).isEqualTo(new DetectedAction("waving",
                    0.5, 1, 0.9, 2.0, Map.of("stream_id", "stream-1", "result_id", "res_1", "detections", 4)));
            assertThat(context.createProducerTemplate().requestBody("direct:summary", (Object) null))
                    .isEqualTo(Map.of("waving", 1));
        }
    }
}
