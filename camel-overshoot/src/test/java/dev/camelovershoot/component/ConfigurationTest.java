package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.inference.InferenceOutput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Configuration mistakes fail the route's start-up with a message naming the option; a schema file is sent. */
class ConfigurationTest extends EmulatorCamelTest {

    private static final List<JsonNode> SCHEMAS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> b.backend(request -> {
        SCHEMAS.add(request.outputSchema());
        return InferenceOutput.success("{\"people\":3}");
    }));

    ConfigurationTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void feed() {
        injector.start();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("mode=video", "Unknown mode 'video': use frame or clip"),
                Arguments.of("transport=pigeon", "Unknown transport 'pigeon': use native, livekit or webrtc"),
                Arguments.of("transport=livekit", "transport=livekit needs livekitUrl and livekitToken"),
                Arguments.of("width=640", "width and height scale frames together: give both, positive, or neither;"
                        + " got width=640, height=0"),
                Arguments.of("mode=clip&fps=30", "The legacy options fps and samplingRatio go together"),
                Arguments.of("outputSchema=RAW({not json)", "outputSchema is not valid JSON"),
                Arguments.of("outputSchema=RAW([1,2])", "outputSchema must be a JSON object (a JSON Schema), got: [1,2]"),
                Arguments.of("outputSchema=classpath:schemas/missing.json",
                        "outputSchema classpath:schemas/missing.json could not be read"),
                Arguments.of("iceServers=http://stun.example.com",
                        "iceServers: 'http://stun.example.com' is not a stun:, stuns:, turn: or turns: URL"),
                Arguments.of("source=/no/such/video.mp4", "video file /no/such/video.mp4 does not exist"),
                Arguments.of("codec=av1", "Unsupported codec 'av1': use vp8 or h264"),
                Arguments.of("maxPublishFps=0", "maxPublishFps must be positive, got 0.0"),
                Arguments.of("resultsQueueSize=0", "resultsQueueSize must be at least 1, got 0"),
                Arguments.of("model= ", "No model: set the model option (the listModels operation lists them)"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void mistakesFailStartUpNamingTheOption(String options, String message) {
        assertStartUpFails(new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:broken?" + options).to("mock:broken");
            }
        }, message);
    }

    /** The endpoint checks its own options when it is initialised, so a lazily started producer fails at start-up. */
    @Test
    void aLazyProducersOwnMistakeFailsStartUpToo() {
        assertStartUpFails(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lazy").to("overshoot:lazy?lazyStartProducer=true&mode=video");
            }
        }, "Unknown mode 'video': use frame or clip");
    }

    private void assertStartUpFails(RouteBuilder routes, String message) {
        CamelContext broken = pointAtEmulator(new DefaultCamelContext());
        Throwable failure = catchThrowable(() -> {
            broken.addRoutes(routes);
            broken.start();
        });
        broken.stop();

        Throwable mistake = failure;
        while (mistake != null && !(mistake instanceof IllegalArgumentException)) {
            mistake = mistake.getCause();
        }
        assertThat(mistake).as("the IllegalArgumentException behind %s", failure).isNotNull()
                .hasMessageContaining(message);
    }

    @Test
    void anOutputSchemaFileReachesTheService() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:counted?outputSchema=classpath:schemas/people.json").convertBodyTo(JsonNode.class)
                        .to("mock:counted");
            }
        });
        MockEndpoint counted = getMockEndpoint("mock:counted");
        counted.expectedMinimumMessageCount(1);

        counted.assertIsSatisfied(WAIT.toMillis());
        assertThat(counted.getExchanges().get(0).getMessage().getBody(JsonNode.class).path("people").asInt())
                .isEqualTo(3);
        assertThat(SCHEMAS).isNotEmpty().allSatisfy(schema -> assertThat(schema.path("required").get(0).asText())
                .isEqualTo("people"));
    }
}
