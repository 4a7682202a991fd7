package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.client.SourceEndedException;
import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer-only route with a video file as its source: the file is played in real time over WebRTC, the results
 * follow its content, and its end ends the stream: normal for a file without loop, so no error, and the route runs on.
 * A file that cannot be decoded is an error, for the exception handler.
 */
class VideoSourceTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @TempDir
    static Path dir;

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    VideoSourceTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        context.getRegistry().bind("recorder", (ExceptionHandler) new RecordingExceptionHandler(handled));
        Path video = TestVideos.mp4(dir.resolve("red-then-blue.mp4"), 10, TestVideos.segments(20, "red", "blue"));
        Path broken = Files.writeString(dir.resolve("broken.mp4"), "not a video");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("overshoot:broken?exceptionHandler=#recorder&source=" + broken.toUri()).routeId("broken")
                        .autoStartup(false).to("mock:broken");
                from("overshoot:file?intervalSeconds=0.5&lifecycleEvents=true&exceptionHandler=#recorder&source="
                     + video.toUri()).routeId("file").autoStartup(false)
                        .choice().when(header(OvershootConstants.EVENT_TYPE).isNull())
                            .convertBodyTo(Map.class).setBody(simple("${body[color]}")).to("mock:colours")
                        .otherwise()
                            .to("mock:events");
            }
        };
    }

    @Test
    void resultsFollowTheVideoUntilItEnds() throws Exception {
        context.getRouteController().startRoute("file");
        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(WAIT).until(() -> events.getExchanges().stream()
                .anyMatch(e -> "ENDED".equals(e.getMessage().getHeader(OvershootConstants.EVENT_TYPE))));

        List<String> colours = getMockEndpoint("mock:colours").getExchanges().stream()
                .map(e -> e.getMessage().getBody(String.class)).toList();
        assertThat(colours).contains("red", "blue");
        assertThat(colours.indexOf("blue")).isGreaterThan(colours.indexOf("red"));
        assertThat(colours.lastIndexOf("red")).isLessThan(colours.indexOf("blue"));
        assertThat(events.getExchanges().get(events.getExchanges().size() - 1).getMessage()
                .getHeader(OvershootConstants.EVENT_REASON)).isEqualTo("source_ended");
        assertThat(handled).as("the end of a file is no error").isEmpty();
        assertThat(context.getRouteController().getRouteStatus("file").isStarted()).isTrue();
    }

    @Test
    void aSourceThatFailsGoesToTheExceptionHandler() throws Exception {
        context.getRouteController().startRoute("broken");

        await().atMost(WAIT).until(() -> !handled.isEmpty());
        assertThat(handled).singleElement().isInstanceOf(SourceEndedException.class);
        assertThat(handled.get(0)).hasMessageContaining("broken.mp4 failed");
    }
}
