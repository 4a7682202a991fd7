package dev.camelovershoot.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plots of docs/benchmarks.md, from a report (and the JMH converter results, when there are any). */
final class Charts {

    private Charts() {
    }

    static void write(Report report, Path img, Path results) throws IOException {
        Map<String, List<double[]>> cdfs = new LinkedHashMap<>();
        List<Plot.Bar> cpu = new ArrayList<>();
        for (ClientRun run : report.runs()) {
            cdfs.put(run.label(), cdf(run.latencyMs()));
            cpu.add(new Plot.Bar(run.label(), run.cpuPerFrameMs()));
        }
        Plot.lines("Push to decoded latency, 1280x720 at 30 fps (cumulative share of frames)", "ms", "share", cdfs,
                img.resolve("bench-latency-720p30.png"));
        Plot.bars("Client CPU per frame, 1280x720 at 30 fps", "ms/frame", cpu, img.resolve("bench-cpu-per-frame.png"));
        List<Plot.Bar> delivered = new ArrayList<>();
        List<Plot.Bar> rss = new ArrayList<>();
        for (ScaleStep step : report.scale()) {
            delivered.add(new Plot.Bar(step.streams() + " streams", step.deliveredRatio()));
            rss.add(new Plot.Bar(step.streams() + " streams", step.rssBytes() / 1e6));
        }
        Plot.bars("Share of frames delivered, N streams at 640x480, 2 fps", "ratio", delivered,
                img.resolve("bench-scale-delivered.png"));
        Plot.bars("Client resident memory, N streams at 640x480, 2 fps", "MB", rss, img.resolve("bench-scale-rss.png"));
        Path jmh = results.resolve("jmh-converters.json");
        if (Files.exists(jmh)) {
            converters(jmh, img.resolve("bench-jmh-converters.png"));
        }
    }

    /** JMH's {@code -rf json}: one row per parameter set (input, resolution), in the benchmarks' own unit. */
    private static void converters(Path json, Path png) throws IOException {
        List<Plot.Bar> bars = new ArrayList<>();
        String unit = "";
        for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
            StringBuilder label = new StringBuilder();
            b.path("params").fields().forEachRemaining(p -> label.append(p.getValue().asText()).append(' '));
            bars.add(new Plot.Bar(label.toString().strip(), b.path("primaryMetric").path("score").asDouble()));
            unit = b.path("primaryMetric").path("scoreUnit").asText();
        }
        Plot.rows("Frame converters to I420, JMH average time", unit, bars, png);
    }

    /** (latency, share of frames at or below it), one point per sample. */
    private static List<double[]> cdf(Samples samples) {
        List<double[]> points = new ArrayList<>();
        List<Double> sorted = samples.sorted();
        for (int i = 0; i < sorted.size(); i++) {
            points.add(new double[] {sorted.get(i), (i + 1) / (double) sorted.size()});
        }
        return points;
    }
}
