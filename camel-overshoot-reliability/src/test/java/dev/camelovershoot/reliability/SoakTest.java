package dev.camelovershoot.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The route at 640x480@15 for the profile's soak time with a fault every so often, while this JVM's resident memory,
 * committed native memory (NMT), threads and file descriptors are sampled every 10 s. Each metric's trend after the
 * warm-up must be flat within noise ({@link Trend}); the short run asserts generous bounds on the growth, the long
 * run ({@code scripts/soak.sh}) reports. Healing is the chaos test's promise: here a fault the route does not come
 * back from is counted and the routes are restarted, so that the run goes on loading the same paths.
 */
class SoakTest {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    /** Allocation pools, JIT and WebRTC's first connection settle in this part of the run; it is not judged. */
    private static final double WARM_UP_SHARE = 0.2;
    private static final Duration MIN_WARM_UP = Duration.ofSeconds(30);
    /** Growth too small to matter, per metric (KB for memory): below it a trend counts as flat. */
    private static final Map<String, Double> FLOORS = Map.of("rss_kb", 32_768.0, "nmt_committed_kb", 16_384.0,
            "threads", 2.0, "fds", 4.0);
    /** The short run's generous bound on growth after the warm-up: only a gross leak fails it. */
    private static final Map<String, Double> SHORT_BOUNDS = Map.of("rss_kb", 131_072.0, "nmt_committed_kb", 65_536.0,
            "threads", 10.0, "fds", 20.0);

    private final Profile profile = Profile.current();

    private static final List<Map.Entry<String, ToLongFunction<Rig>>> FAULTS = List.of(
            Map.entry("results socket dropped", Rig::dropResultSockets),
            Map.entry("LiveKit signal dropped", Rig::dropSignal),
            Map.entry("connections cut", Rig::cutConnections),
            Map.entry("stream lost", Rig::loseStream),
            Map.entry("keepalive 503 (x2)", Rig::failKeepalives));

    @Test
    void memoryThreadsAndDescriptorsStayFlatUnderLoadAndFaults() throws Exception {
        Path out = Profile.outputDir();
        List<ProcessSample> samples = new CopyOnWriteArrayList<>();
        List<String> notRecovered = new ArrayList<>();
        int faults = 0;
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "soak-sampler"));
        long start;
        try (Rig rig = Rig.start(profile, out, 640, 480, 15)) {
            assertThat(rig.awaitResultSince(0, Duration.ofSeconds(60))).as("first result").isPositive();
            start = System.nanoTime();
            sampler.scheduleAtFixedRate(() -> samples.add(ProcessSample.take()), 0, SAMPLE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + profile.soak().toNanos();
            long nextFault = System.nanoTime() + profile.soakFaultEvery().toNanos();
            while (nextFault < deadline) {
                // The schedule waits for the next fault's time; nothing to await meanwhile.
                Thread.sleep(Math.max(0, (nextFault - System.nanoTime()) / 1_000_000));
                Map.Entry<String, ToLongFunction<Rig>> fault = FAULTS.get(faults++ % FAULTS.size());
                long back = fault.getValue().applyAsLong(rig);
                if (rig.awaitResultSince(back, profile.recoveryBound()) < 0) {
                    notRecovered.add(fault.getKey());
                    rig.route().restartRoutes();
                }
                nextFault += profile.soakFaultEvery().toNanos();
            }
            Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
            // Sampling ends while the route still runs: its shutdown is not part of the trend.
            sampler.shutdown();
            sampler.awaitTermination(40, TimeUnit.SECONDS);
            long last = System.nanoTime();
            assertThat(rig.awaitResultSince(last - Duration.ofSeconds(5).toNanos(), Duration.ofSeconds(30)))
                    .as("results still flowing at the end").isPositive();
        } finally {
            sampler.shutdownNow();
        }
        Duration warmUp = Duration.ofNanos(Math.max(MIN_WARM_UP.toNanos(),
                (long) (profile.soak().toNanos() * WARM_UP_SHARE)));
        List<ProcessSample> judged = samples.stream().filter(s -> s.nanos() - start >= warmUp.toNanos()).toList();
        List<Trend> trends = ProcessSample.METRICS.stream().map(m -> Trend.of(m, judged, FLOORS.get(m))).toList();
        String text = report(samples.size(), judged.size(), warmUp, faults, notRecovered, trends);
        System.out.println(text);
        Files.writeString(out.resolve("soak-" + profile.name() + ".txt"), text);
        List<String> csv = new ArrayList<>(List.of("seconds," + String.join(",", ProcessSample.METRICS)));
        samples.forEach(s -> csv.add(s.csv(start)));
        Files.write(out.resolve("soak-" + profile.name() + ".csv"), csv);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(judged).as("samples after the warm-up").hasSizeGreaterThanOrEqualTo(3);
        if ("short".equals(profile.name())) {
            for (Trend trend : trends) {
                softly.assertThat(trend.growth()).as(trend.metric() + " growth after the warm-up")
                        .isLessThanOrEqualTo(SHORT_BOUNDS.get(trend.metric()));
            }
        }
        softly.assertAll();
    }

    private String report(int samples, int judged, Duration warmUp, int faults, List<String> notRecovered,
                          List<Trend> trends) {
        StringBuilder text = new StringBuilder(String.format(
                "Soak (%s profile): %d s at 640x480@15, a fault every %d s (%d faults, %d without recovery)%n"
                        + "%d samples every %d s, %d judged after a warm-up of %d s%n",
                profile.name(), profile.soak().toSeconds(), profile.soakFaultEvery().toSeconds(), faults,
                notRecovered.size(), samples, SAMPLE_EVERY.toSeconds(), judged, warmUp.toSeconds()));
        trends.forEach(t -> text.append(t.line()).append('\n'));
        return text.toString();
    }
}
