package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.media.FrameDecodeException;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.TestImages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While a camera route publishes good frames over WebRTC, bodies that are not frames each fail their own exchange
 * with what was expected, and the stream goes on delivering results.
 */
class BadBodiesTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    private final List<Throwable> streamErrors = new CopyOnWriteArrayList<>();

    BadBodiesTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(streamErrors));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:camera?period=100").setBody(exchange -> TestImages.solid(160, 120, "green"))
                        .to("overshoot:mixed?intervalSeconds=0.5");
                from("direct:frames").to("overshoot:mixed");
                from("overshoot:mixed?exceptionHandler=#recorder").to("mock:results");
            }
        };
    }

    @Test
    void eachBadBodyFailsOnlyItsOwnExchange() throws Exception {
        MockEndpoint results = getMockEndpoint("mock:results");
        await().atMost(WAIT).until(() -> results.getReceivedCounter() > 0);
        byte[] jpeg = JavaDslFramesTest.jpeg(TestImages.solid(160, 120, "green"));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        assertFails(noise, Map.of(), "expected JPEG or PNG bytes, got 4096 bytes starting 0x");
        assertFails(Arrays.copyOf(jpeg, jpeg.length - 10), Map.of(), "truncated or corrupt JPEG");
        assertFails(new byte[0], Map.of(), "expected JPEG or PNG bytes, got an empty body");
        assertFails(null, Map.of(), "expected a video frame: byte[] (JPEG or PNG), BufferedImage, JavaCV Frame,"
                + " ByteBuffer, InputStream, StreamCache, File or Path of a JPEG or PNG image, anything Camel's type"
                + " converters turn into a BufferedImage or byte[], or raw pixel bytes with headers"
                + " CamelOvershootFrameWidth, CamelOvershootFrameHeight and CamelOvershootFrameFormat (RGB, RGBA,"
                + " BGR, I420); got no body");
        assertFails(new byte[1000], rawHeaders(640, 480, "RGB"), "raw RGB frame of 640x480 needs 921600 bytes, got 1000");
        assertFails(new byte[1000], rawHeaders(-2, 480, "RGB"), "raw RGB frame size must be positive, got -2x480");
        assertFails(new byte[12], rawHeaders(2, 2, "YUYV"), "unknown raw frame format 'YUYV': use RGB, RGBA, BGR or I420");
        assertFails(new byte[12], Map.of(OvershootConstants.FRAME_WIDTH, 2), "missing CamelOvershootFrameHeight,"
                + " CamelOvershootFrameFormat");

        int before = results.getReceivedCounter();
        await().atMost(WAIT).until(() -> results.getReceivedCounter() >= before + 2);
        Exchange good = template.request("direct:frames", e -> e.getMessage().setBody(jpeg));
        assertThat(good.getException()).isNull();
        assertThat(streamErrors).isEmpty();
        assertThat(snapshot(activeStream()).ended()).isFalse();
    }

    private void assertFails(byte[] body, Map<String, Object> headers, String message) {
        Exchange exchange = template.request("direct:frames", e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(body);
        });
        assertThat(exchange.getException()).isInstanceOf(FrameDecodeException.class).hasMessageContaining(message);
    }

    private static Map<String, Object> rawHeaders(int width, int height, String format) {
        return Map.of(OvershootConstants.FRAME_WIDTH, width, OvershootConstants.FRAME_HEIGHT, height,
                OvershootConstants.FRAME_FORMAT, format);
    }
}
