package dev.camelovershoot.benchmarks;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The official Node SDK, {@code @livekit/rtc-node}, publishing the same frames (raw I420, H264) to a stream of the
 * same emulator whose source is the emulator's own LiveKit room. Installed from npm on first use into
 * {@code benchmarks/target/rtc-node} (or {@code -Dbench.rtcNode=DIR}); the build never needs npm.
 */
final class RtcNodeRun {

    private static final String PACKAGE = "@livekit/rtc-node@1.1.0";
    private static final String ROOM = "bench-rtc-node";

    private RtcNodeRun() {
    }

    static ClientRun run(ProbeProcess probe, Settings settings, BenchFrames frames, Path out) throws Exception {
        Path prefix = install(out);
        probe.reset(frames.width());
        Path base = out.resolve("base-" + frames.width() + "x" + frames.height() + ".i420");
        frames.writeBase(base);
        Path script = out.resolve("rtc-node-bench.cjs");
        try (InputStream in = RtcNodeRun.class.getResourceAsStream("/rtc-node-bench.cjs")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        OvershootClient client = OvershootClient.builder().baseUrl(probe.apiUrl()).apiKey(probe.apiKey()).build();
        String token = probe.liveKitToken(ROOM);
        String streamId = client.createStream(StreamRequest.of(Processing.clip((int) settings.fps(), 0.5, 0.2),
                        Inference.of("Describe", OvershootEmulator.DEFAULT_MODELS.get(0).model()))
                .withSource(Source.liveKit(probe.liveKitUrl(), token))).streamId();
        int warmupFrames = settings.warmupFrames() + (int) Math.round(settings.rtcNodeRampSeconds() * settings.fps());
        try {
            ProcessBuilder builder = new ProcessBuilder("node", script.toString(), probe.liveKitUrl(), token, base.toString(),
                    String.valueOf(frames.width()), String.valueOf(frames.height()), String.valueOf(settings.fps()),
                    String.valueOf(warmupFrames + settings.windowFrames()))
                    .redirectError(out.resolve("rtc-node.err.log").toFile());
            builder.environment().put("NODE_PATH", prefix.resolve("node_modules").toString());
            Process node = builder.start();
            Window measured = new Window(warmupFrames + 1, settings.windowFrames(), node.pid(), probe.pid());
            CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(() -> follow(node, measured,
                    out.resolve("rtc-node.log")));
            long limit = (long) (settings.warmupSeconds() + settings.rtcNodeRampSeconds() + settings.windowSeconds()) + 60;
            if (!done.get(limit, TimeUnit.SECONDS) || !node.waitFor(15, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("rtc-node did not finish; see " + out.resolve("rtc-node.log"));
            }
            List<ProbeProcess.Decoded> decoded = Drain.await(probe, measured);
            return new ClientRun("rtc-node", "h264", "i420", frames.width(), frames.height(), settings.fps(),
                    0, measured.frames(), measured.frames(), measured.delivered(decoded),
                    measured.deliveredAtWidth(decoded, frames.width()), measured.seconds(),
                    measured.clientCpuMs(), measured.emulatorCpuMs(), measured.latencies(decoded),
                    new Samples(List.of()));
        } finally {
            client.deleteStream(streamId);
        }
    }

    /** Reads the script's output into the window (CPU sampled as the pushes are reported) and a log. */
    private static boolean follow(Process node, Window window, Path log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log))) {
            String line;
            while ((line = lines.readLine()) != null) {
                copy.println(line);
                if (line.startsWith("PUSH ")) {
                    String[] f = line.split(" ");
                    window.pushed(Integer.parseInt(f[1]), Long.parseLong(f[2]));
                } else if (line.equals("DONE")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Installs rtc-node with npm unless it is there already. */
    private static Path install(Path out) throws Exception {
        Path prefix = Path.of(System.getProperty("bench.rtcNode", "benchmarks/target/rtc-node")).toAbsolutePath();
        Path installed = prefix.resolve("node_modules/@livekit/rtc-node/package.json");
        if (Files.exists(installed) && Files.readString(installed).contains("\"version\": \"1.1.0\"")) {
            return prefix;
        }
        Files.createDirectories(prefix);
        Path npmLog = out.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--prefer-offline", "--no-audit", "--no-fund",
                "--fetch-timeout=30000", "--prefix", prefix.toString(), PACKAGE)
                .redirectErrorStream(true).redirectOutput(npmLog.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install " + PACKAGE + " failed; see " + npmLog);
        }
        return prefix;
    }
}
