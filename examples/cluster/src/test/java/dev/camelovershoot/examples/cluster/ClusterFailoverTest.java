package dev.camelovershoot.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.frames.RtspServer;
import dev.camelovershoot.testinfra.frames.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the example, each its own JVM, share a file-lock cluster directory and one RTSP camera: the first
 * node leads and pulls the camera while the second follows without touching it (the RTSP server has one client, and
 * /proc says whose); the leader is killed with SIGKILL, the follower takes the lock within the lock's timeout (the
 * heartbeat older than 2 s x 3, seen at its next look) and the camera over, and results resume. The emulator runs in
 * this JVM.
 */
class ClusterFailoverTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    /** The shipped lock timings: a leader's heartbeat is stale after acquireLockInterval 2 s x multiplier 3. */
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration LOCK_INTERVAL = Duration.ofSeconds(2);
    private static final Duration NODE_START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void oneNodePullsTheCameraAndTheOtherTakesOverWhenItIsKilled() throws Exception {
        // two minutes of green: each RTSP client is played the file from its start, the follower's too
        Path video = TestVideos.h264Mp4(dir.resolve("green.mp4"), 10, TestVideos.segments(1200, "green"));
        Path logs = Files.createDirectories(Path.of("target", "cluster-test"));
        try (RtspServer camera = RtspServer.serve(Path.of("../camera-rtsp/rtsp-server.py"), video, "door",
                logs.resolve("rtsp-server.log"));
             NodeProcess first = node("first", camera, logs)) {
            await().atMost(NODE_START).failFast("the first node exited", () -> !first.isAlive())
                    .until(() -> !first.results("door", 0).isEmpty());

            try (NodeProcess second = node("second", camera, logs)) {
                await().atMost(NODE_START).failFast("the second node exited", () -> !second.isAlive())
                        .until(second::inCluster);
                // over more than two lock intervals, one client: the leader
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                        camera.clients() == 1 && camera.clientsFrom(first.pid()) == 1
                        && camera.clientsFrom(second.pid()) == 0);
                assertThat(second.results("door", 0)).as("results on the follower").isEmpty();
                assertThat(second.ledSince()).as("the follower never took the lock").isZero();

                long killed = System.nanoTime();
                first.kill();

                // the lock: once the last heartbeat is more than 6 s old, at the follower's next look (every 2 s)
                await().atMost(LOCK_TIMEOUT.plus(LOCK_INTERVAL.multipliedBy(3)))
                        .failFast("the second node exited", () -> !second.isAlive())
                        .until(() -> second.ledSince() > 0);
                // the results: a new consumer, stream, RTSP session and room (slower on a busy machine)
                await().atMost(Duration.ofSeconds(60)).failFast("the second node exited", () -> !second.isAlive())
                        .until(() -> !second.results("door", killed).isEmpty());
                System.out.printf("cluster failover: the follower took the lock %.1f s and logged its first result"
                        + " %.1f s after the kill%n", (second.ledSince() - killed) / 1e9,
                        (second.results("door", killed).get(0).nanos() - killed) / 1e9);
                assertThat(camera.clientsFrom(second.pid())).as("the new leader pulls the camera").isEqualTo(1);
                assertThat(camera.clients()).as("and only it").isEqualTo(1);
                long resumed = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).until(() -> second.results("door", resumed).size() >= 2);
            }
        }
    }

    private NodeProcess node(String id, RtspServer camera, Path logs) throws Exception {
        OvershootEmulator emulator = EMULATOR.emulator();
        return NodeProcess.start(id, Map.of(
                "OVERSHOOT_API_URL", emulator.baseUrl(),
                "OVERSHOOT_API_KEY", emulator.apiKey(),
                "OVERSHOOT_MODEL", OvershootEmulator.DEFAULT_MODELS.get(0).model(),
                "CAMERAS", "door=" + camera.url(),
                "CLUSTER_ROOT", dir.resolve("cluster").toString()), logs.resolve("node-" + id + ".log"));
    }
}
