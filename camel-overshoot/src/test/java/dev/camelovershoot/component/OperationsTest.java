package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.StreamClosedException;
import dev.camelovershoot.client.wire.ModelInfo;
import dev.camelovershoot.client.wire.StreamConfig;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The producer's operations besides publishFrame, chosen by option or header, on a stream fed over WebRTC. */
class OperationsTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    OperationsTest() {
        super(EMULATOR.emulator());
    }

    @BeforeEach
    void film() throws Exception {
        startCamera("overshoot:ops");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:ops?intervalSeconds=0.5&prompt=first prompt").routeId("results").to("mock:results");
                from("direct:prompt").to("overshoot:ops?operation=updatePrompt");
                from("direct:call").to("overshoot:ops");
            }
        };
    }

    @Test
    void updatePromptWhileRunningShowsInLaterResults() {
        connectedStream();
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> lastPrompt(results).equals("first prompt"));

        Exchange answer = template.request("direct:prompt", e -> e.getMessage().setBody("second prompt"));
        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(OvershootConstants.PROMPT)).isEqualTo("second prompt");
        assertThat(answer.getMessage().getBody(StreamConfig.class).prompt()).isEqualTo("second prompt");

        await().atMost(WAIT).until(() -> lastPrompt(results).equals("second prompt"));
        assertThat(snapshot(activeStream()).prompt()).isEqualTo("second prompt");
    }

    @Test
    void listModelsAnswersTheServicesModels() {
        Exchange answer = call("listModels", null);

        List<?> models = answer.getMessage().getBody(List.class);
        assertThat(models).hasSize(OvershootEmulator.DEFAULT_MODELS.size()).first().isInstanceOf(ModelInfo.class);
        assertThat(((ModelInfo) models.get(0)).model()).isEqualTo(MODEL);
    }

    @Test
    void reinferRunsAPromptOnTheClipBehindAResult() {
        connectedStream();
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> results.getReceivedCounter() > 0);
        String resultId = results.getExchanges().get(0).getMessage().getHeader(OvershootConstants.RESULT_ID, String.class);

        Exchange answer = template.request("direct:call", e -> {
            e.getMessage().setHeader(OvershootConstants.OPERATION, "reinfer");
            e.getMessage().setHeader(OvershootConstants.RESULT_ID, resultId);
            e.getMessage().setBody("What colour is it?");
        });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class)).contains("\"color\":\"red\"");
        assertThat(answer.getMessage().getHeader(OvershootConstants.MODEL)).isEqualTo(MODEL);
        assertThat(answer.getMessage().getHeader(OvershootConstants.FINISH_REASON)).isEqualTo("stop");
    }

    @Test
    void closeStreamDeletesItAndLaterFramesFail() throws Exception {
        String streamId = connectedStream();
        context.getRouteController().stopRoute("camera");

        assertThat(call("closeStream", null).getException()).isNull();

        assertThat(requests("DELETE", "/streams/" + streamId)).isEqualTo(1);
        assertThat(snapshot(streamId).endReason()).isEqualTo("client_requested");
        Exchange frame = call("publishFrame", TestImages.solid(64, 48, "red"));
        assertThat(frame.getException()).isInstanceOf(StreamClosedException.class)
                .hasMessageContaining("Overshoot stream 'ops' takes no more frames");
    }

    @Test
    void mistakesFailTheExchangeWithWhatWasExpected() {
        assertThat(call("explode", null).getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown operation 'explode' in header CamelOvershootOperation: use publishFrame,"
                        + " updatePrompt, listModels, reinfer, closeStream, ask, viewerToken, streamInfo");
        assertThat(call("reinfer", "a prompt").getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reinfer needs the header CamelOvershootResultId");
        assertThat(call("updatePrompt", " ").getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The body must be the new prompt; it is empty");
    }

    private Exchange call(String operation, Object body) {
        return template.request("direct:call", e -> {
            e.getMessage().setHeader(OvershootConstants.OPERATION, operation);
            e.getMessage().setBody(body);
        });
    }

    private static String lastPrompt(MockEndpoint results) {
        int count = results.getReceivedCounter();
        if (count == 0) {
            return "";
        }
        Message last = results.getExchanges().get(count - 1).getMessage();
        return last.getHeader(OvershootConstants.PROMPT, String.class);
    }
}
