package dev.camelovershoot.examples.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The scale-out figures of {@code benchmarks/run-quick} and {@code run-full}: one {@link ScaleOutRun} (the test's
 * scenario: 3 nodes, 12 cameras, a 6 s session timeout, one node killed), printed as {@code name value unit}
 * lines. Argument: the directory for the nodes' logs.
 */
public final class ScaleOutBenchmark {

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path logs = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/scale-out-logs"));
        ScaleOutFigures f = new ScaleOutRun(12, 3, Duration.ofSeconds(6), Duration.ofMillis(500),
                Duration.ofSeconds(5)).run(logs);
        System.err.println(f);
        print("cameras_recovered_ratio", f.camerasRecoveredRatio(), "ratio");
        print("scale_out_recovery_p99_s", f.recoveryP99Seconds(), "s");
        print("scale_out_rebalance_s", seconds(f.rebalance()), "s");
        print("scale_out_rebalance_12_cameras_s", f.recovery().size() == f.cameras()
                ? f.recovery().values().stream().mapToDouble(ScaleOutBenchmark::seconds).max().orElseThrow()
                : Double.POSITIVE_INFINITY, "s");
        print("scale_out_cameras_moved", f.movedCameras().size(), "cameras");
        print("scale_out_frames_reached_ratio", f.framesReachedRatio(), "ratio");
        print("scale_out_frames_without_result", f.framesWithoutResult().size(), "frames");
        print("scale_out_double_stream_max_s", seconds(f.longestOverlap()), "s");
        System.exit(0);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static void print(String name, double value, String unit) {
        String text = !Double.isFinite(value) ? "NaN"
                : value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
        System.out.println(name + " " + text + " " + unit);
    }
}
