package dev.camelovershoot.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A node stopped as Kubernetes stops a pod, with SIGTERM: camel-main shuts down gracefully, the node leaves the
 * consumer group, its partitions are revoked and its cameras' streams closed on the service before it exits; the
 * other node takes the cameras over without waiting for the group's session timeout (30 s here, the service's
 * lease TTL too), and no camera has two open streams. Node logs: {@code target/graceful-stop-logs/}.
 */
class KafkaGracefulStopTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);
    private static final int CAMERAS = 4;
    private static final Duration START = Duration.ofSeconds(60);
    /** What a graceful stop may take: camel-main's shutdown, the group's leave, the streams' close. */
    private static final Duration STOP = Duration.ofSeconds(20);

    @Test
    void aNodeStoppedWithSigtermClosesItsStreamsAndItsCamerasMoveAtOnce() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "graceful-stop-logs"));
        try (StreamWatch watch = new StreamWatch();
                OvershootEmulator emulator = OvershootEmulator.builder().backend(new FrameMarksBackend())
                        .observer(watch).leaseTtlSeconds((int) SESSION_TIMEOUT.toSeconds()).build().start();
                InJvmKafka kafka = InJvmKafka.start()) {
            watch.start(emulator);
            kafka.createTopics(CAMERAS, ScaleOutRun.FRAMES, ScaleOutRun.RESULTS);
            Map<String, String> env = ScaleOutRun.environment(kafka, emulator, SESSION_TIMEOUT);
            try (ResultLog results = new ResultLog(kafka, ScaleOutRun.RESULTS);
                    CameraFeed feed = new CameraFeed(kafka, ScaleOutRun.FRAMES, CAMERAS).start(Duration.ofMillis(500));
                    AppJvm first = AppJvm.start("node-1", env, logs)) {
                await().atMost(START).until(() -> !first.assignments().isEmpty());
                try (AppJvm second = AppJvm.start("node-2", env, logs)) {
                    await().atMost(START).until(() -> !second.assignments().isEmpty());
                    long joined = System.nanoTime();
                    await().atMost(START).until(() -> camerasWithResultsSince(results, joined).size() == CAMERAS);

                    AppJvm stopped = ScaleOutRun.owned(first, feed).size() >= ScaleOutRun.owned(second, feed).size()
                            ? first : second;
                    AppJvm survivor = stopped == first ? second : first;
                    List<Integer> moved = ScaleOutRun.owned(stopped, feed);
                    Set<String> oldStreams = results.results().stream().filter(r -> moved.contains(r.camera()))
                            .map(ResultLog.Result::streamId).collect(Collectors.toSet());
                    long term = System.nanoTime();
                    boolean ended = stopped.terminate(STOP);
                    Duration stopTook = Duration.ofNanos(System.nanoTime() - term);

                    assertThat(ended).as("the node ended on SIGTERM within " + STOP + "; see " + logs).isTrue();
                    assertThat(stopped.closedOnRevocation()).as("cameras whose streams the node closed as it left")
                            .containsAll(moved.stream().map(CameraFrames::name).toList());
                    // Its streams were ended by the node itself before it exited, not by the lease running out.
                    assertThat(emulator.streams()).filteredOn(s -> oldStreams.contains(s.id()))
                            .as("the stopped node's streams on the service").isNotEmpty()
                            .allSatisfy(s -> assertThat(s.endReason()).isEqualTo("client_requested"));
                    // The survivor's new streams (not the stopped node's last results) answer for every moved camera.
                    await().atMost(SESSION_TIMEOUT.dividedBy(2)).pollInterval(Duration.ofMillis(100))
                            .until(() -> results.results().stream().filter(r -> r.nanos() > term
                                            && !oldStreams.contains(r.streamId())).map(ResultLog.Result::camera)
                                    .collect(Collectors.toSet()).containsAll(moved));
                    Duration moveTook = Duration.ofNanos(System.nanoTime() - term);
                    System.out.printf("graceful stop: %s stopped in %d ms; its cameras %s had results from %s"
                            + " %d ms after SIGTERM; longest overlap %d ms%n", stopped.name(), stopTook.toMillis(),
                            moved, survivor.name(), moveTook.toMillis(), watch.longestOverlap().toMillis());
                    assertThat(survivor.owned()).as("partitions of the survivor").hasSize(CAMERAS);
                    assertThat(watch.longestOverlap()).as("longest time a camera had two open streams")
                            .isLessThan(Duration.ofSeconds(1));
                }
            }
        }
    }

    private static Set<Integer> camerasWithResultsSince(ResultLog results, long since) {
        return results.results().stream().filter(r -> r.nanos() > since).map(ResultLog.Result::camera)
                .collect(Collectors.toSet());
    }
}
