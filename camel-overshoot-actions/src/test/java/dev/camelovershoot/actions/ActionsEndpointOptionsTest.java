package dev.camelovershoot.actions;

import static dev.camelovershoot.actions.dsl.endpoint.StaticEndpointBuilders.overshootActions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Endpoint options, each in a context of its own; the emulator's model sees what reaches an overshoot: stream. */
// try-with-resources on CamelContext, whose close() declares InterruptedException: the tests let it propagate
@SuppressWarnings("try")
class ActionsEndpointOptionsTest {

    private static final String WAVE = Results.detecting("waving");
    /** Answers nothing: the test reads what it was asked. */
    private static final ScriptedModel MODEL = new ScriptedModel();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b
            .idleAfter(Duration.ofMinutes(1))
            .backend(MODEL));

    private static CamelContext start(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getComponent("overshoot-actions", ActionsComponent.class).clock(new SteppingClock());
        context.addRoutes(routes);
        context.start();
        return context;
    }

    @Test
    void aDetectorBeanIsUsedAsItIs() throws Exception {
        ActionDetector detector = ActionDetector.builder().actions(List.of("waving")).mergeGapSeconds(1).build();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("gestures", detector);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to("overshoot-actions:g?detector=#gestures");
                }
            });
            context.start();
            context.createProducerTemplate().sendBody("direct:in", WAVE);
        }

        assertThat(detector.store().getActions()).extracting(DetectedAction::action).containsExactly("waving");
    }

    @Test
    void theEndpointDslSetsTheSameOptions() throws Exception {
        try (CamelContext context = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(overshootActions("dsl").actions("waving").minConfidence(0.95));
                from("direct:summary").to(overshootActions("dsl").operation(ActionsOperation.summary));
            }
        })) {
            ProducerTemplate template = context.createProducerTemplate();
            template.sendBody("direct:in", WAVE);
            template.sendBody("direct:in", Results.of(Results.entry("waving", 0.97, true)));

            assertThat(template.requestBody("direct:summary", (Object) null)).isEqualTo(Map.of("waving", 1));
        }
    }

    @Test
    void aStoreCreatedByTheEndpointIsBoundedByItsOptions() throws Exception {
        try (CamelContext context = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("overshoot-actions:b?actions=waving&maxActions=2");
                from("direct:query").to("overshoot-actions:b?operation=query");
            }
        })) {
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < 5; i++) {
                template.sendBody("direct:in", WAVE);
            }

            assertThat(Bodies.actions(template.requestBody("direct:query", (Object) null)))
                    .extracting(DetectedAction::timestamp).containsExactly(1.5, 2.0);
        }
    }

    @Test
    void twoEndpointsCannotDefineOneNameDifferently() {
        assertThatThrownBy(() -> start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("overshoot-actions:same?actions=waving");
                from("direct:b").to("overshoot-actions:same?actions=clapping");
            }
        }).close()).hasStackTraceContaining("overshoot-actions:same is already defined");
    }

    @Test
    void detectingWithoutADetectorSaysWhatIsMissing() throws Exception {
        try (CamelContext context = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("overshoot-actions:nothing");
            }
        })) {
            assertThatThrownBy(() -> context.createProducerTemplate().sendBody("direct:in", WAVE))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasStackTraceContaining("overshoot-actions:nothing has no detector: give actions=");
        }
    }

    @Test
    void theDetectorsEndpointQueryReachesTheServiceUnchanged(OvershootEmulator emulator) throws Exception {
        ActionDetector odd = ActionDetector.of("a+b & c", "50% (maybe)", "x=y", "naïve \"quote\"");
        try (CamelContext context = EmulatorConnection.byDefault(new DefaultCamelContext(), emulator)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("overshoot:cam?intervalSeconds=0.1&" + odd.endpointQuery()).to("mock:results");
                }
            });
            context.start();
            String streamId = EmulatorConnection.feedOneFrame(emulator);
            await().atMost(Duration.ofSeconds(20)).until(() -> MODEL.lastAsked() != null);

            assertThat(emulator.stream(streamId).orElseThrow().prompt()).isEqualTo(odd.prompt());
            assertThat(MODEL.lastAsked().prompt()).isEqualTo(odd.prompt());
            assertThat(MODEL.lastAsked().outputSchema()).isEqualTo(odd.outputSchema());
        }
    }
}
