package dev.camelovershoot.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelovershoot.media.TestVideos;
import dev.camelovershoot.testinfra.OvershootEmulatorExtension;
import dev.camelovershoot.testinfra.StreamSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera the consumer pulls itself ({@code source}), run only while this node leads its cluster namespace: under
 * Camel's {@code master:} component (which makes and shuts down a new consumer and the endpoint at every change) and
 * under a {@link ClusteredRoutePolicy} (which starts and stops the route). Every leadership opens the source and a
 * stream and routes results; every loss closes both and leaves no thread of the stream behind.
 */
class ClusterLeadershipTest extends EmulatorCamelTest {

    @RegisterExtension
    static final OvershootEmulatorExtension EMULATOR = OvershootEmulatorExtension.create(b -> { });

    @TempDir
    static Path dir;

    private final SwitchedClusterService cluster = new SwitchedClusterService();

    ClusterLeadershipTest() {
        super(EMULATOR.emulator());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addService(cluster);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        String video = TestVideos.mp4(dir.resolve("red.mp4"), 10, TestVideos.segments(20, "red")).toUri().toString();
        String camera = "?intervalSeconds=0.5&loop=true&source=" + video;
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("master:camera-door:overshoot:door" + camera).routeId("door").to("mock:door");
                from("overshoot:gate" + camera).routeId("gate")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(cluster, "camera-gate"))
                        .to("mock:gate");
            }
        };
    }

    @Test
    void theMasterComponentPullsTheCameraOnlyWhileLeading() throws Exception {
        leadAndLoseRepeatedly("camera-door", "door");
    }

    @Test
    void aClusteredRoutePolicyPullsTheCameraOnlyWhileLeading() throws Exception {
        leadAndLoseRepeatedly("camera-gate", "gate");
    }

    private void leadAndLoseRepeatedly(String namespace, String name) throws Exception {
        MockEndpoint results = getMockEndpoint("mock:" + name);
        long openFiles = -1;
        for (int round = 1; round <= 3; round++) {
            int before = results.getReceivedCounter();
            long closedBefore = closedStreams();
            cluster.lead(namespace, true);

            await().atMost(WAIT).until(() -> results.getReceivedCounter() > before);
            assertThat(streamThreads(name)).as("round %d", round)
                    .anyMatch(thread -> thread.endsWith("Overshoot[" + name + "] source"));
            await().atMost(WAIT).until(() -> readiness(name).map(r -> r.getState() == HealthCheck.State.UP)
                    .orElse(false));
            assertThat(readiness(name).orElseThrow().getDetails()).containsEntry("stream.name", name)
                    .containsEntry("route.id", name);

            cluster.lead(namespace, false);

            await().atMost(WAIT).until(() -> streamThreads(name).isEmpty());
            assertThat(closedStreams()).as("the stream deleted, round %d", round).isEqualTo(closedBefore + 1);
            assertThat(emulator.streams()).allMatch(StreamSnapshot::ended);
            assertThat(readiness(name)).as("a follower has no check of the camera").isEmpty();
            if (round == 1) {
                openFiles = openFiles();
            } else {
                // the same sockets, files and pipes each round; a few may still be closing on the emulator's side
                assertThat(openFiles()).as("open files after round %d", round).isLessThanOrEqualTo(openFiles + 4);
            }
        }
    }

    /** The readiness of the consumer's stream, as Kubernetes would ask for it. */
    private Optional<HealthCheck.Result> readiness(String routeId) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:overshoot-" + routeId)).findFirst();
    }

    /** Streams deleted by their client, of all the emulator has seen. */
    private long closedStreams() {
        return emulator.streams().stream().filter(s -> "client_requested".equals(s.endReason())).count();
    }

    private static long openFiles() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static List<String> streamThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(thread -> thread.contains("[" + name + "]")).sorted().collect(Collectors.toList());
    }
}
