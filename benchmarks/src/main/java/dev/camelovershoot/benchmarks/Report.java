package dev.camelovershoot.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one benchmark run measured, as figures ({@code name value unit}) and as JSON. */
record Report(Settings settings, List<ClientRun> runs, List<ScaleStep> scale, List<ScaleStep> fleet, AskOverhead ask,
              WatchStep watch) {

    Optional<ClientRun> run(String client, String codec, String input) {
        return runs.stream().filter(r -> r.client().equals(client) && r.codec().equals(codec)
                && r.input().equals(input)).findFirst();
    }

    List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        run("camel-overshoot", "h264", "jpeg").ifPresent(r -> endToEnd(out, r, ""));
        run("camel-overshoot", "vp8", "jpeg").ifPresent(r -> endToEnd(out, r, "_vp8"));
        Optional<ClientRun> ours = run("camel-overshoot", "h264", "i420");
        Optional<ClientRun> theirs = run("rtc-node", "h264", "i420");
        ours.ifPresent(r -> {
            out.add(new Figure("cpu_per_frame_i420_ms", r.cpuPerFrameMs(), "ms"));
            out.add(new Figure("e2e_latency_p99_i420_ms", r.latencyMs().percentile(99), "ms"));
        });
        theirs.ifPresent(r -> {
            out.add(new Figure("rtc_node_delivered_ratio_720p30", r.deliveredRatio(), "ratio"));
            out.add(new Figure("rtc_node_full_size_ratio_720p30", r.deliveredFullSize() / (double) r.windowFrames(),
                    "ratio"));
            out.add(new Figure("rtc_node_cpu_per_frame_ms", r.cpuPerFrameMs(), "ms"));
            out.add(new Figure("rtc_node_e2e_latency_p50_ms", r.latencyMs().percentile(50), "ms"));
            out.add(new Figure("rtc_node_e2e_latency_p99_ms", r.latencyMs().percentile(99), "ms"));
        });
        if (ours.isPresent() && theirs.isPresent()) {
            double rtc = theirs.get().cpuPerFrameMs();
            out.add(new Figure("cpu_per_frame_ratio_vs_rtc_node", ours.get().cpuPerFrameMs() / rtc, "ratio"));
            run("camel-overshoot", "h264", "jpeg").ifPresent(r -> out.add(
                    new Figure("cpu_per_frame_ratio_jpeg_vs_rtc_node", r.cpuPerFrameMs() / rtc, "ratio")));
        }
        for (int i = 0; i < scale.size(); i++) {
            scale(out, "scale_", scale.get(i), i == 0 ? null : scale.get(0));
        }
        out.addAll(fleetFigures(fleet));
        ask(out, ask);
        watch(out, watch);
        return out;
    }

    private static void ask(List<Figure> out, AskOverhead a) {
        for (int p : new int[] {50, 99}) {
            out.add(new Figure("v1_ask_client_p" + p + "_ms", a.clientMs().percentile(p), "ms"));
            out.add(new Figure("v1_ask_bare_p" + p + "_ms", a.bareMs().percentile(p), "ms"));
            out.add(new Figure("v1_ask_overhead_p" + p + "_ms", a.overheadMs(p), "ms"));
        }
        out.add(new Figure("v1_ask_client_cpu_per_ask_ms", a.clientCpuPerAskMs(), "ms"));
        out.add(new Figure("v1_ask_bare_cpu_per_ask_ms", a.bareCpuPerAskMs(), "ms"));
        out.add(new Figure("v1_ask_samples", a.clientMs().count(), "asks"));
    }

    private static void watch(List<Figure> out, WatchStep w) {
        String prefix = "v1_watch_" + w.streams() + "_";
        out.add(new Figure(prefix + "client_cpu_core_share", w.coreShare(), "cores"));
        out.add(new Figure(prefix + "idle_cpu_core_share", w.idleCoreShare(), "cores"));
        out.add(new Figure(prefix + "cpu_per_answer_ms", w.cpuPerAnswerMs(), "ms"));
        out.add(new Figure(prefix + "answered_ratio", w.answeredRatio(), "ratio"));
        out.add(new Figure(prefix + "skipped_ticks", w.skipped(), "ticks"));
        out.add(new Figure(prefix + "failed_requests", w.failed(), "requests"));
        out.add(new Figure(prefix + "latency_p50_ms", w.latencyMs().percentile(50), "ms"));
        out.add(new Figure(prefix + "latency_p99_ms", w.latencyMs().percentile(99), "ms"));
        out.add(new Figure(prefix + "emulator_cpu_core_share", w.emulatorCpuMs() / 1000 / w.windowSeconds(),
                "cores"));
        out.add(new Figure(prefix + "rss_mb", w.rssBytes() / 1e6, "MB"));
        out.add(new Figure(prefix + "jvm_threads", w.jvmThreads(), "threads"));
    }

    private static void endToEnd(List<Figure> out, ClientRun r, String suffix) {
        out.add(new Figure("join_seconds" + suffix, r.joinSeconds(), "s"));
        out.add(new Figure("delivered_ratio_720p30" + suffix, r.deliveredRatio(), "ratio"));
        out.add(new Figure("published_ratio_720p30" + suffix, r.published() / (double) r.windowFrames(), "ratio"));
        out.add(new Figure("full_size_ratio_720p30" + suffix, r.deliveredFullSize() / (double) r.windowFrames(),
                "ratio"));
        out.add(new Figure("client_cpu_core_share_720p30" + suffix, r.coreShare(), "cores"));
        out.add(new Figure("cpu_per_frame" + suffix + "_ms", r.cpuPerFrameMs(), "ms"));
        for (int p : new int[] {50, 95, 99}) {
            out.add(new Figure("e2e_latency_p" + p + suffix + "_ms", r.latencyMs().percentile(p), "ms"));
        }
        out.add(new Figure("result_latency_p50" + suffix + "_ms", r.resultLatencyMs().percentile(50), "ms"));
        out.add(new Figure("result_latency_p99" + suffix + "_ms", r.resultLatencyMs().percentile(99), "ms"));
        out.add(new Figure("result_latency_samples" + suffix, r.resultLatencyMs().count(), "results"));
        out.add(new Figure("emulator_cpu_per_frame" + suffix + "_ms", r.emulatorCpuMs() / r.windowFrames(), "ms"));
    }

    /**
     * One JVM's sizing from the keyed fleet: cameras one core carries at the largest step's CPU per camera, and what
     * each camera added between the first and the last step costs.
     */
    static List<Figure> fleetFigures(List<ScaleStep> fleet) {
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            scale(out, "fleet_", fleet.get(i), i == 0 ? null : fleet.get(0));
        }
        if (fleet.size() < 2) {
            return out;
        }
        ScaleStep first = fleet.get(0);
        ScaleStep last = fleet.get(fleet.size() - 1);
        out.add(new Figure("fleet_cameras_per_core", last.streams() / last.coreShare(), "cameras"));
        out.add(new Figure("fleet_cpu_per_camera_core_share", last.coreShare() / last.streams(), "cores"));
        out.add(new Figure("fleet_rss_per_camera_mb", last.memoryPerStreamMb(first), "MB"));
        out.add(new Figure("fleet_heap_per_camera_mb", last.heapPerStreamMb(first), "MB"));
        out.add(new Figure("fleet_threads_per_camera", last.threadsPerStream(first), "threads"));
        out.add(new Figure("fleet_jvm_threads_per_camera", last.jvmThreadsPerStream(first), "threads"));
        return out;
    }

    /** @param smallest the run's first step, which the memory each added stream is measured from (none for it) */
    private static void scale(List<Figure> out, String name, ScaleStep s, ScaleStep smallest) {
        String prefix = name + s.streams() + "_";
        out.add(new Figure(prefix + "connected_streams", s.connected(), "streams"));
        out.add(new Figure(prefix + "delivered_ratio", s.deliveredRatio(), "ratio"));
        out.add(new Figure(prefix + "published_ratio", s.published() / (double) s.windowFrames(), "ratio"));
        out.add(new Figure(prefix + "client_cpu_core_share", s.coreShare(), "cores"));
        out.add(new Figure(prefix + "rss_mb", s.rssBytes() / 1e6, "MB"));
        out.add(new Figure(prefix + "heap_mb", s.heapBytes() / 1e6, "MB"));
        if (smallest != null) {
            out.add(new Figure(prefix + "memory_per_stream_mb", s.memoryPerStreamMb(smallest), "MB"));
        }
        out.add(new Figure(prefix + "threads", s.nativeThreads(), "threads"));
        out.add(new Figure(prefix + "jvm_threads", s.jvmThreads(), "threads"));
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", settings.name());
        json.put("date", Instant.now().toString());
        json.put("machine", Machine.describe());
        json.put("settings", settings);
        json.put("figures", figures().stream().map(f -> Map.of("name", f.name(), "value",
                Double.isFinite(f.value()) ? f.value() : "NaN", "unit", f.unit())).toList());
        json.put("runs", runs.stream().map(Report::runJson).toList());
        json.put("scale", scale);
        json.put("fleet", fleet);
        json.put("v1_ask", Map.of("client_cpu_ms", ask.clientCpuMs(), "bare_cpu_ms", ask.bareCpuMs(),
                "client_ms_sorted", ask.clientMs().sorted(), "bare_ms_sorted", ask.bareMs().sorted()));
        json.put("v1_watch", watch);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static Map<String, Object> runJson(ClientRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r);
        m.put("latency_ms_sorted", r.latencyMs().sorted());
        m.put("result_latency_ms_sorted", r.resultLatencyMs().sorted());
        return m;
    }
}
