package dev.camelovershoot.component;

import static dev.camelovershoot.component.dsl.endpoint.StaticEndpointBuilders.overshoot;
import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.mock;
import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.timer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.component.dsl.OvershootComponentBuilderFactory;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated Component DSL registers a configured component; the Endpoint DSL builds both routes. */
class EndpointDslTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    EndpointDslTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OvershootComponentBuilderFactory.overshoot()
                .apiUrl(emulator.baseUrl())
                .apiKey(emulator.apiKey())
                .model(MODEL)
                .register(context, "vision");
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(timer("camera").period(100))
                        .setBody(exchange -> TestImages.solid(160, 120, "cyan"))
                        .to(overshoot("vision", "dsl").intervalSeconds(0.5).maxPublishFps(5).codec("h264"));
                from(overshoot("vision", "dsl").prompt("Endpoint DSL").resultsQueueSize(10))
                        .to(mock("dsl"));
            }
        };
    }

    @Test
    void routesBuiltWithTheDslsDeliverResults() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:dsl");
        results.expectedMinimumMessageCount(1);
        results.message(0).body(String.class).contains("\"color\":\"cyan\"");
        results.message(0).header(OvershootConstants.PROMPT).isEqualTo("Endpoint DSL");

        results.assertIsSatisfied(WAIT.toMillis());
        assertThat(context.getComponent("vision")).isInstanceOf(OvershootComponent.class);
        assertThat(context.getEndpoints()).filteredOn(OvershootEndpoint.class::isInstance).hasSize(2)
                .allSatisfy(e -> assertThat(e.getEndpointUri()).startsWith("vision://dsl?"));
    }
}
