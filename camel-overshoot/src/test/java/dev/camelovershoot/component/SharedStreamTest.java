package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A producer and a consumer naming the same stream share one Overshoot stream, configured from both. */
class SharedStreamTest extends EmulatorCamelTest {

    private static final String OTHER_MODEL = OvershootEmulator.DEFAULT_MODELS.get(1).model();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    SharedStreamTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void feed() {
        injector.start();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:frames").routeId("producer").to("overshoot:door?prompt=Is the door open?");
                from("overshoot:door?intervalSeconds=0.5&model=" + OTHER_MODEL).routeId("consumer").to("mock:door");
            }
        };
    }

    @Test
    void oneStreamCarriesTheOptionsOfBothEndpoints() throws Exception {
        String streamId = connectedStream();
        MockEndpoint mock = getMockEndpoint("mock:door");
        mock.expectedMinimumMessageCount(1);
        mock.assertIsSatisfied(WAIT.toMillis());

        assertThat(snapshot(streamId).prompt()).isEqualTo("Is the door open?");
        assertThat(snapshot(streamId).model()).isEqualTo(OTHER_MODEL);
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(OvershootConstants.STREAM_ID)).isEqualTo(streamId);
    }

    @Test
    void theLastEndpointToStopClosesTheStream() throws Exception {
        String streamId = connectedStream();

        context.getRouteController().stopRoute("consumer");
        assertThat(snapshot(streamId).ended()).isFalse();

        context.getRouteController().stopRoute("producer");
        assertThat(snapshot(streamId).endReason()).isEqualTo("client_requested");
        assertThat(requests("DELETE", "/streams/" + streamId)).isEqualTo(1);
    }

    @Test
    void aRouteRestartedAfterItsStreamEndedGetsANewStreamWhileAnotherRouteHoldsTheName() throws Exception {
        String ended = connectedStream();
        emulator.faults().endStream(ended, "client_requested");
        OvershootConsumer consumer = (OvershootConsumer) context.getRoute("consumer").getConsumer();
        await().atMost(WAIT).until(() -> consumer.streamStatus().ended());

        context.getRouteController().stopRoute("consumer");
        context.getRouteController().startRoute("consumer");

        expectResultsFromANewStream(ended);
    }

    @Test
    void aRouteRestartedAfterCloseStreamGetsANewStream() throws Exception {
        String closed = connectedStream();
        template.sendBodyAndHeader("direct:frames", null, OvershootConstants.OPERATION, "closeStream");
        assertThat(snapshot(closed).endReason()).isEqualTo("client_requested");

        context.getRouteController().stopRoute("consumer");
        context.getRouteController().startRoute("consumer");

        expectResultsFromANewStream(closed);
    }

    @Test
    void oneEndpointCarriesTheApiKeyForTheOtherProducersOfItsStream() throws Exception {
        CamelContext shared = pointAtEmulator(new DefaultCamelContext());
        shared.getComponent("overshoot", OvershootComponent.class).getConfiguration().setApiKey(null);
        try {
            shared.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:frames").to("overshoot:keyed?apiKey=" + emulator.apiKey());
                    from("direct:prompt").to("overshoot:keyed?operation=updatePrompt");
                }
            });
            shared.start();

            shared.createProducerTemplate().sendBody("direct:prompt", "Is anyone there?");

            assertThat(emulator.streams()).filteredOn(stream -> !stream.ended())
                    .anyMatch(stream -> stream.prompt().equals("Is anyone there?"));
        } finally {
            shared.stop();
        }
    }

    /** The consumer's results come from a stream other than {@code old}, the only one running. */
    private void expectResultsFromANewStream(String old) throws InterruptedException {
        String replacement = connectedStream();
        assertThat(replacement).isNotEqualTo(old);
        MockEndpoint mock = getMockEndpoint("mock:door");
        mock.reset();
        mock.expectedMinimumMessageCount(1);
        mock.assertIsSatisfied(WAIT.toMillis());
        assertThat(mock.getExchanges().get(0).getMessage().getHeader(OvershootConstants.STREAM_ID))
                .isEqualTo(replacement);
    }

    @Test
    void conflictingOptionsFailStartUpNamingThemAndMaskingSecrets() {
        CamelContext conflicting = pointAtEmulator(new DefaultCamelContext());
        Throwable failure = catchThrowable(() -> {
            conflicting.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("overshoot:clash?prompt=first&intervalSeconds=1&apiKey=KEY_ONE");
                    from("overshoot:clash?prompt=second&intervalSeconds=1.0&apiKey=KEY_TWO").to("mock:clash");
                }
            });
            conflicting.start();
        });
        conflicting.stop();

        assertThat(failure).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The endpoints of Overshoot stream 'clash' share one stream and must agree on its"
                        + " options: ")
                .hasMessageContaining("prompt is 'first' on overshoot://clash?")
                .hasMessageContaining("but 'second' on overshoot://clash?")
                .hasMessageContaining("apiKey is '***' on")
                .hasMessageNotContaining("intervalSeconds is")
                .hasMessageNotContaining("KEY_ONE").hasMessageNotContaining("KEY_TWO");
        assertThat(emulator.streams()).noneMatch(stream -> stream.prompt().equals("first")
                || stream.prompt().equals("second"));
    }
}
