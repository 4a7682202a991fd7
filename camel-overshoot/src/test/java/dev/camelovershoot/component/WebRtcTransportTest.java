package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** transport=webrtc: the legacy offer/answer path carries frames, scaled by width and height, to the model. */
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
}
