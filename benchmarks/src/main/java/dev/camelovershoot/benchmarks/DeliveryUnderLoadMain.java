package dev.camelovershoot.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The result delivery figure of {@code run-full} alone: the H264 720p30 run from JPEG bodies with the full window
 * ({@link CamelEndToEnd}, {@link Settings#full()}: 4 s warm-up, 20 s window, about 100 results), against the emulator
 * in its own JVM, so that the delivery latency under video load can be measured several times without the rest of
 * the full run. A short run warms the JVM first (the full run has the v1 and VP8 runs before it). Arguments: runs
 * (default 3) and the work directory. Prints {@code name value unit} lines per run.
 */
public final class DeliveryUnderLoadMain {

    private DeliveryUnderLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "benchmarks/target/bench-delivery"));
        Settings full = Settings.full();
        BenchFrames frames = new BenchFrames(1280, 720);
        List<byte[]> jpegs = IntStream.rangeClosed(0, full.warmupFrames() + full.windowFrames()).parallel()
                .mapToObj(frames::jpeg).toList();
        try (ProbeProcess probe = ProbeProcess.start(2, out.resolve("emulator.log"))) {
            CamelEndToEnd.run(probe, Settings.tiny(), "h264", "jpeg", frames, jpegs);
            for (int run = 1; run <= runs; run++) {
                Samples delivery = CamelEndToEnd.run(probe, full, "h264", "jpeg", frames, jpegs).resultLatencyMs();
                String name = "result_delivery_720p30_run" + run;
                System.out.println(new Figure(name + "_p50_ms", delivery.percentile(50), "ms").line());
                System.out.println(new Figure(name + "_p99_ms", delivery.percentile(99), "ms").line());
                System.out.println(new Figure(name + "_samples", delivery.count(), "results").line());
            }
        }
        System.exit(0);
    }
}
