package dev.camelovershoot.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness in miniature (seconds of 720p30 H264 through the component, two scale streams, no rtc-node; v1 asks
 * and four watch loops), so that it keeps working; the figures themselves are the benchmarks' business, not the
 * build's.
 */
class BenchmarkHarnessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aTinyRunMeasuresEveryFigureAndDrawsThePlots() throws Exception {
        Report report = BenchmarkMain.run(Settings.tiny(), dir);

        ClientRun run = report.run("camel-overshoot", "h264", "jpeg").orElseThrow();
        assertThat(run.windowFrames()).isEqualTo(Settings.tiny().windowFrames());
        assertThat(run.delivered()).isPositive();
        assertThat(run.latencyMs().count()).isEqualTo(run.delivered());
        assertThat(run.latencyMs().percentile(50)).isPositive();
        assertThat(run.clientCpuMs()).isPositive();
        ScaleStep step = report.scale().get(0);
        assertThat(step.connected()).isEqualTo(2);
        assertThat(step.delivered()).isPositive();
        assertThat(step.rssBytes()).isPositive();
        ScaleStep fleet = report.fleet().get(1);
        assertThat(fleet.connected()).isEqualTo(2);
        assertThat(fleet.delivered()).isPositive();
        assertThat(fleet.heapBytes()).isPositive();
        AskOverhead ask = report.ask();
        assertThat(ask.clientMs().count()).isEqualTo(Settings.tiny().asks());
        assertThat(ask.bareMs().count()).isEqualTo(Settings.tiny().asks());
        assertThat(ask.bareMs().percentile(50)).isPositive();
        WatchStep watch = report.watch();
        assertThat(watch.streams()).isEqualTo(4);
        assertThat(watch.answers()).isPositive();
        assertThat(watch.failed()).isZero();
        assertThat(watch.latencyMs().count()).isEqualTo((int) watch.answers());
        List<String> names = report.figures().stream().map(Figure::name).toList();
        assertThat(names).contains("delivered_ratio_720p30", "e2e_latency_p99_ms", "result_latency_p99_ms",
                "cpu_per_frame_ms", "scale_2_delivered_ratio", "scale_2_rss_mb",
                "fleet_2_delivered_ratio", "fleet_cameras_per_core", "fleet_rss_per_camera_mb", "v1_ask_overhead_p50_ms",
                "v1_ask_overhead_p99_ms", "v1_watch_4_client_cpu_core_share", "v1_watch_4_cpu_per_answer_ms");

        report.write(dir.resolve("report.json"));
        Charts.write(report, dir, dir);
        assertThat(dir.resolve("report.json")).content().contains("\"figures\"", "\"v1_ask\"", "\"v1_watch\"");
        assertThat(Files.size(dir.resolve("bench-latency-720p30.png"))).isPositive();
        assertThat(Files.size(dir.resolve("bench-scale-rss.png"))).isPositive();
    }
}
