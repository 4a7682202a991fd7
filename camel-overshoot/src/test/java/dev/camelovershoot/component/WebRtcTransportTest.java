package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * transport=webrtc: the legacy offer/answer path carries frames, scaled by width and height, to the model, and a
 * lost peer (every deploy) is replaced by a new stream.
 */
class WebRtcTransportTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    WebRtcTransportTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:legacy?transport=webrtc&intervalSeconds=0.5&width=128&height=96").to("mock:legacy");
            }
        };
    }

    @Test
    void legacyWebRtcCarriesScaledFrames() throws Exception {
        startCamera("overshoot:legacy");
        MockEndpoint results = getMockEndpoint("mock:legacy");
        results.expectedMinimumMessageCount(1);
        results.message(0).body(String.class).contains("\"width\":128,\"height\":96,\"color\":\"red\"");

        results.assertIsSatisfied(WAIT.toMillis());
        assertThat(snapshot(activeStream()).sourceType()).isEqualTo("webrtc");
    }

    @Test
    void aLostPeerIsReplacedByANewStreamWithANewOffer() throws Exception {
        startCamera("overshoot:legacy");
        MockEndpoint results = getMockEndpoint("mock:legacy");
        results.expectedMinimumMessageCount(1);
        results.assertIsSatisfied(WAIT.toMillis());
        String lost = activeStream();

        emulator.faults().restart();

        await().atMost(WAIT).until(() -> snapshot(lost).ended());
        String replacement = activeStream();
        assertThat(replacement).isNotEqualTo(lost);
        assertThat(snapshot(lost).endReason()).isIn("webrtc_disconnected", "client_requested");
        assertThat(snapshot(replacement).sourceType()).isEqualTo("webrtc");
        results.reset();
        results.expectedMinimumMessageCount(1);
        results.message(0).header(OvershootConstants.STREAM_ID).isEqualTo(replacement);
        results.assertIsSatisfied(WAIT.toMillis());
    }
}
