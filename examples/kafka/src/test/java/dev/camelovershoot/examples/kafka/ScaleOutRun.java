package dev.camelovershoot.examples.kafka;

import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.OvershootEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The scale-out scenario, against real processes: a KRaft broker (Kafka's test kit) and the emulator in this JVM,
 * {@code nodes} Camel JVMs in one consumer group, {@code cameras} cameras publishing frames. The first node starts
 * alone and serves every camera; the others join (revocations move cameras to them); the node owning the most
 * cameras is killed with SIGKILL; the run measures how the group recovers, then keeps the cameras going to check
 * that every later frame gets its result.
 *
 * @param sessionTimeout  the nodes' Kafka session timeout; the emulator's lease TTL is the same (see scaling.md)
 * @param framePeriod     each camera sends a frame this often
 * @param afterRecovery   how long the cameras keep going once every camera has recovered
 */
record ScaleOutRun(int cameras, int nodes, Duration sessionTimeout, Duration framePeriod, Duration afterRecovery) {

    static final String FRAMES = "camera-frames";
    static final String RESULTS = "camera-results";
    /** Room for every camera twice over: one API key, a raised limit (see scaling.md for v0.2's 5 per key). */
    private static final int STREAMS_PER_KEY = 24;
    private static final Duration START = Duration.ofSeconds(60);

    ScaleOutFigures run(Path logDir) throws Exception {
        try (StreamWatch watch = new StreamWatch();
                OvershootEmulator emulator = OvershootEmulator.builder().backend(new FrameMarksBackend())
                        .observer(watch).leaseTtlSeconds((int) sessionTimeout.toSeconds())
                        .streamLimitPerKey(STREAMS_PER_KEY).build().start();
                InJvmKafka kafka = InJvmKafka.start()) {
            watch.start(emulator);
            kafka.createTopics(cameras, FRAMES, RESULTS);
            List<AppJvm> apps = new ArrayList<>();
            try (ResultLog results = new ResultLog(kafka, RESULTS);
                    CameraFeed feed = new CameraFeed(kafka, FRAMES, cameras).start(framePeriod)) {
                Map<String, String> env = environment(kafka, emulator, sessionTimeout);
                Timeline log = new Timeline();
                apps.add(AppJvm.start("node-1", env, logDir));
                awaitAssigned(apps);
                log.say("node-1 owns every partition");
                for (int n = 2; n <= nodes; n++) {
                    apps.add(AppJvm.start("node-" + n, env, logDir));
                }
                awaitAssigned(apps);
                awaitEveryCameraSince(results, lastAssignment(apps), apps);
                Duration overlapJoin = watch.longestOverlap();
                int closedOnJoin = apps.stream().mapToInt(app -> app.closedOnRevocation().size()).sum();
                log.say("every camera has results after the nodes joined");

                AppJvm victim = apps.stream().max(Comparator.comparingInt(app -> owned(app, feed).size())).orElseThrow();
                List<Integer> moved = owned(victim, feed);
                long kill = System.nanoTime();
                victim.kill();
                log.say(victim.name() + " killed");
                apps.remove(victim);
                Map<Integer, Long> recoveredAt = awaitRecovery(results, feed, kill);
                long rebalanced = apps.stream().flatMap(app -> app.assignments().stream()).mapToLong(a -> a.nanos())
                        .filter(nanos -> nanos > kill).min().orElse(Long.MAX_VALUE);

                log.say("every camera recovered");
                Thread.sleep(afterRecovery.toMillis());
                feed.stop();
                log.say("cameras stopped");
                List<CameraFeed.Published> checked = feed.published().stream()
                        .filter(f -> recoveredAt.containsKey(f.camera()) && f.nanos() > recoveredAt.get(f.camera()))
                        .toList();
                Map<Boolean, List<String>> missing = awaitCovered(results, checked, watch);

                log.say("results checked");
                Map<Integer, Duration> recovery = new TreeMap<>();
                recoveredAt.forEach((camera, nanos) -> recovery.put(camera, Duration.ofNanos(nanos - kill)));
                int misrouted = (int) results.results().stream()
                        .filter(r -> !r.key().equals(CameraFrames.name(r.camera()))).count();
                return new ScaleOutFigures(cameras, nodes, sessionTimeout, victim.name(), moved,
                        closedOnJoin, Duration.ofNanos(rebalanced - kill), recovery, checked.size(), missing.get(false), missing.get(true),
                        misrouted, overlapJoin,
                        watch.longestOverlap());
            } finally {
                for (AppJvm app : apps) {
                    app.close();
                }
            }
        }
    }

    /** Progress on standard output, in seconds since the first node started. */
    private static final class Timeline {

        private final long start = System.nanoTime();

        void say(String what) {
            System.out.printf("scale-out +%.1f s: %s%n", (System.nanoTime() - start) / 1e9, what);
        }
    }

    /** A node's environment: the broker, topics and session timeout, the emulator as its Overshoot service. */
    static Map<String, String> environment(InJvmKafka kafka, OvershootEmulator emulator, Duration sessionTimeout) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("KAFKA_GROUP_ID", "scale-out-test");
        env.put("FRAMES_TOPIC", FRAMES);
        env.put("RESULTS_TOPIC", RESULTS);
        env.put("KAFKA_SESSION_TIMEOUT_MS", String.valueOf(sessionTimeout.toMillis()));
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", String.valueOf(sessionTimeout.toMillis() / 6));
        env.put("OVERSHOOT_API_URL", emulator.baseUrl());
        env.put("OVERSHOOT_API_KEY", emulator.apiKey());
        env.put("OVERSHOOT_MODEL", OvershootEmulator.DEFAULT_MODELS.get(0).model());
        return env;
    }

    /** The cameras of the partitions the app owns. */
    static List<Integer> owned(AppJvm app, CameraFeed feed) {
        Set<Integer> partitions = app.owned();
        return feed.partitionOf().entrySet().stream().filter(e -> partitions.contains(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static long lastAssignment(List<AppJvm> apps) {
        return apps.stream().flatMap(app -> app.assignments().stream()).mapToLong(a -> a.nanos()).max().orElseThrow();
    }

    private static void awaitAssigned(List<AppJvm> apps) {
        await().atMost(START).failFast("a node exited", () -> anyExited(apps))
                .until(() -> apps.stream().allMatch(app -> !app.assignments().isEmpty()));
    }

    private static boolean anyExited(List<AppJvm> apps) {
        return apps.stream().anyMatch(app -> !app.isAlive());
    }

    private void awaitEveryCameraSince(ResultLog results, long since, List<AppJvm> apps) {
        await().atMost(START).pollInterval(Duration.ofMillis(100)).failFast("a node exited", () -> anyExited(apps))
                .until(() -> results.results().stream()
                .filter(r -> r.nanos() > since).map(ResultLog.Result::camera).collect(Collectors.toSet())
                .size() == cameras);
    }

    /** Per camera, when its first result on a frame published after the kill arrived; waits for all, bounded. */
    private Map<Integer, Long> awaitRecovery(ResultLog results, CameraFeed feed, long kill) {
        Map<Integer, Long> recoveredAt = new ConcurrentHashMap<>();
        try {
            await().atMost(sessionTimeout.plusSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<Integer, Set<Integer>> afterKill = feed.published().stream().filter(f -> f.nanos() > kill)
                        .collect(Collectors.groupingBy(CameraFeed.Published::camera,
                                Collectors.mapping(CameraFeed.Published::seq, Collectors.toSet())));
                for (ResultLog.Result r : results.results()) {
                    Set<Integer> fresh = afterKill.getOrDefault(r.camera(), Set.of());
                    if (r.nanos() > kill && r.frames().stream().anyMatch(fresh::contains)) {
                        recoveredAt.merge(r.camera(), r.nanos(), Math::min);
                    }
                }
                return recoveredAt.size() == cameras;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the figures say which cameras did not recover
        }
        return recoveredAt;
    }

    /**
     * The frames no result covers once every frame that reached the service is covered (or 20 s have passed), as
     * {@code cam-03#117}, split by whether the frame reached the service at all.
     */
    private static Map<Boolean, List<String>> awaitCovered(ResultLog results, List<CameraFeed.Published> frames,
            StreamWatch watch) {
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> uncovered(results,
                    frames).stream().noneMatch(frame -> watch.reached(frame.camera(), frame.seq())));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported as frames without a result
        }
        int last = frames.stream().mapToInt(CameraFeed.Published::seq).max().orElse(-1);
        return uncovered(results, frames).stream().collect(Collectors.partitioningBy(
                frame -> watch.reached(frame.camera(), frame.seq()),
                Collectors.mapping(frame -> CameraFrames.name(frame.camera()) + "#" + frame.seq()
                        + (frame.seq() == last ? " (the last)" : ""), Collectors.toList())));
    }

    private static List<CameraFeed.Published> uncovered(ResultLog results, List<CameraFeed.Published> frames) {
        List<ResultLog.Result> all = results.results();
        return frames.stream()
                .filter(frame -> all.stream().noneMatch(r -> r.camera() == frame.camera() && r.covers(frame.seq())))
                .toList();
    }
}
