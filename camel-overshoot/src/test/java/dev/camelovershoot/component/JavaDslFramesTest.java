package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Java DSL route publishes frames over real WebRTC (the emulator's LiveKit room) and a consumer route of the same
 * stream name receives what the emulator's describe backend saw: the colour of the frames.
 */
class JavaDslFramesTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    private volatile Object frame = TestImages.solid(320, 240, "red");

    JavaDslFramesTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=100").routeId("camera")
                        .process(exchange -> exchange.getMessage().setBody(frame))
                        .to("overshoot:lobby?intervalSeconds=0.5&prompt=What colour is the scene?")
                        .to("mock:published");
                from("overshoot:lobby").routeId("results")
                        .log("${body}")
                        .convertBodyTo(JsonNode.class)
                        .to("mock:results");
            }
        };
    }

    @Test
    void bufferedImageAndJpegFramesReachTheModel() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> lastColour(results).equals("red"));

        frame = jpeg(TestImages.solid(320, 240, "blue"));
        await().atMost(WAIT).until(() -> lastColour(results).equals("blue"));

        Exchange last = results.getExchanges().get(results.getExchanges().size() - 1);
        assertThat(last.getMessage().getHeader(OvershootConstants.PROMPT)).isEqualTo("What colour is the scene?");
        assertThat(last.getMessage().getBody(JsonNode.class).path("width").asInt()).isPositive();
        assertThat(getMockEndpoint("mock:published").getExchanges())
                .anyMatch(e -> e.getMessage().getHeader(OvershootConstants.FRAME_PUBLISHED, Boolean.class));
        assertThat(snapshot(activeStream()).sourceType()).isEqualTo("native");
    }

    private static String lastColour(MockEndpoint results) {
        int count = results.getReceivedCounter();
        return count == 0 ? "" : results.getExchanges().get(count - 1).getMessage().getBody(JsonNode.class)
                .path("color").asText();
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
