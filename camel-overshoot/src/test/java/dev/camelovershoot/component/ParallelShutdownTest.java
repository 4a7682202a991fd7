package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.StreamSnapshot;
import dev.camelovershoot.testinfra.frames.TestImages;
import dev.camelovershoot.transport.rtc.WebRtcRuntime;
import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping a CamelContext with several streams sending video, against a service that takes its time to delete each:
 * the streams close together within one shutdown timeout, and WebRTC is released only after the last of them.
 */
class ParallelShutdownTest extends EmulatorCamelTest {

    private static final List<String> NAMES = List.of("north", "south", "east");
    private static final Duration DELETE_DELAY = Duration.ofSeconds(2);

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    ParallelShutdownTest() {
        super(EMULATOR.emulator());
    }

    @AfterEach
    void answerDeletesAtOnce() {
        emulator.faults().delayDeletes(Duration.ZERO);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String name : NAMES) {
                    from("timer:" + name + "?period=100").setBody(exchange -> TestImages.solid(160, 120, "red"))
                            .to("overshoot:" + name);
                }
            }
        };
    }

    @Test
    void streamsCloseTogetherWithinOneShutdownTimeout() {
        List<String> streams = streamsWithVideo();
        WebRtcRuntime runtime = component().webRtcRuntime();
        context.getShutdownStrategy().setTimeout(20);
        emulator.faults().delayDeletes(DELETE_DELAY);

        long started = System.nanoTime();
        context.stop();

        // one after another they would take three delete delays
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DELETE_DELAY.multipliedBy(2));
        assertThat(streams).allSatisfy(id -> assertThat(snapshot(id).endReason()).isEqualTo("client_requested"));
        assertThatThrownBy(runtime::factory).hasMessage("the WebRTC runtime is closed");
    }

    @Test
    void webRtcOutlivesTeardownsStillUnderWayAtTheTimeout() {
        List<String> streams = streamsWithVideo();
        WebRtcRuntime runtime = component().webRtcRuntime();
        context.getShutdownStrategy().setTimeout(1);
        emulator.faults().delayDeletes(DELETE_DELAY.multipliedBy(2));

        context.stop();

        assertThat(streams).noneSatisfy(id -> assertThat(snapshot(id).ended()).isTrue());
        assertThat(runtime.factory()).isNotNull();
        await().atMost(WAIT).until(() -> streams.stream().allMatch(id -> snapshot(id).ended()));
        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(runtime::factory)
                .hasMessage("the WebRTC runtime is closed"));
    }

    /** The ids of the streams, once the emulator decoded video from each. */
    private List<String> streamsWithVideo() {
        await().atMost(WAIT).until(() -> running().size() == NAMES.size()
                && running().stream().allMatch(stream -> !emulator.frames(stream.id()).isEmpty()));
        return running().stream().map(StreamSnapshot::id).toList();
    }

    private List<StreamSnapshot> running() {
        return emulator.streams().stream().filter(stream -> !stream.ended()).toList();
    }

    private OvershootComponent component() {
        return context.getComponent("overshoot", OvershootComponent.class);
    }
}
