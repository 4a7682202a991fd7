package dev.camelovershoot.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Runs the benchmarks against the emulator in a child JVM and prints one {@code name value unit} line per figure.
 * Arguments: {@code quick|full|tiny}, the work directory (logs, the results JSON) and optionally a results directory
 * for the JSON and an image directory for the plots.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.named(args.length > 0 ? args[0] : "quick");
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "benchmarks/target/bench"));
        Report report = run(settings, out);
        report.figures().forEach(f -> System.out.println(f.line()));
        Path results = Files.createDirectories(args.length > 2 ? Path.of(args[2]) : out);
        report.write(results.resolve("benchmarks-" + settings.name() + ".json"));
        if (args.length > 3) {
            Charts.write(report, Files.createDirectories(Path.of(args[3])), results);
        }
        System.exit(0);
    }

    static Report run(Settings settings, Path out) throws Exception {
        int maxStreams = Math.max(settings.scaleStreams().stream().mapToInt(Integer::intValue).max().orElse(1),
                FleetRun.steps(settings).stream().mapToInt(Integer::intValue).max().orElse(1));
        BenchFrames frames = new BenchFrames(1280, 720);
        List<ClientRun> runs = new ArrayList<>();
        List<ScaleStep> scale = new ArrayList<>();
        int total = settings.warmupFrames() + settings.windowFrames();
        // Encoded while the emulator JVM starts.
        CompletableFuture<List<byte[]>> encoding = CompletableFuture.supplyAsync(
                () -> IntStream.rangeClosed(0, total).parallel().mapToObj(frames::jpeg).toList());
        try (ProbeProcess probe = ProbeProcess.start(maxStreams + 2, out.resolve("emulator.log"))) {
            List<byte[]> jpegs = encoding.get();
            // v1 first, in a JVM that no video run has loaded yet.
            AskOverhead ask = V1AskRun.run(probe, settings);
            WatchStep watch = V1WatchRun.run(probe, settings);
            for (String codec : settings.codecs()) {
                runs.add(CamelEndToEnd.run(probe, settings, codec, "jpeg", frames, jpegs));
            }
            if (settings.rtcNode()) {
                runs.add(CamelEndToEnd.run(probe, settings, "h264", "i420", frames, jpegs));
                runs.add(RtcNodeRun.run(probe, settings, frames, out));
            }
            for (int n : settings.scaleStreams()) {
                scale.add(ScaleRun.run(probe, settings, n));
            }
            List<ScaleStep> fleet = FleetRun.run(probe, settings);
            return new Report(settings, runs, scale, fleet, ask, watch);
        }
    }
}
