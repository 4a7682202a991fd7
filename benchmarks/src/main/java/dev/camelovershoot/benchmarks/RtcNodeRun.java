package dev.camelovershoot.benchmarks;

import dev.camelovershoot.client.OvershootClient;
import dev.camelovershoot.client.wire.Inference;
import dev.camelovershoot.client.wire.Processing;
import dev.camelovershoot.client.wire.Source;
import dev.camelovershoot.client.wire.StreamRequest;
import dev.camelovershoot.testinfra.OvershootEmulator;
import dev.camelovershoot.testinfra.livekit.RtcNodePackage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The official Node SDK, {@code @livekit/rtc-node}, publishing the same frames (raw I420, H264) to a stream of the
 * same emulator whose source is the emulator's own LiveKit room. Installed from npm on first use into
 * {@code benchmarks/target/rtc-node} (or {@code -Dbench.rtcNode=DIR}); the build never needs npm.
 */
final class RtcNodeRun {

    private static final String ROOM = "bench-rtc-node";
    /** The script stops by itself after this many frames (over 16 minutes at 30 fps) if nobody tells it when. */
    private static final int MAX_FRAMES = 30_000;
    private static final long RAMP_POLL_NANOS = 250_000_000L;

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
        try {
            ProcessBuilder builder = new ProcessBuilder("node", script.toString(), probe.liveKitUrl(), token,
                    base.toString(), String.valueOf(frames.width()), String.valueOf(frames.height()),
                    String.valueOf(settings.fps()), String.valueOf(MAX_FRAMES))
                    .redirectError(out.resolve("rtc-node.err.log").toFile());
            builder.environment().put("NODE_PATH", prefix.resolve("node_modules").toString());
            Process node = builder.start();
            Follower follower = new Follower(node, out.resolve("rtc-node.log"));
            CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(follower::follow);
            try {
                Window window = afterRampUp(probe, settings, frames, follower, node);
                long limit = (long) (settings.warmupSeconds() + settings.windowSeconds()) + 30;
                if (!done.get(limit, TimeUnit.SECONDS) || !node.waitFor(15, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("rtc-node did not finish; see " + out.resolve("rtc-node.log"));
                }
                List<ProbeProcess.Decoded> decoded = Drain.await(probe, window);
                return new ClientRun("rtc-node", "h264", "i420", frames.width(), frames.height(), settings.fps(),
                        0, window.frames(), window.frames(), window.delivered(decoded),
                        window.deliveredAtWidth(decoded, frames.width()), window.seconds(), window.clientCpuMs(),
                        window.emulatorCpuMs(), window.latencies(decoded), new Samples(List.of()));
            } finally {
                node.destroyForcibly();
            }
        } finally {
            client.deleteStream(streamId);
        }
    }

    /**
     * Waits until the emulator decodes rtc-node's frames at full size (it starts a 720p track at 320x180 and scales
     * up as its bandwidth estimate grows; at most {@code rtcNodeRampSeconds}), then opens the window after the usual
     * warm-up and tells the script which frame is its last.
     */
    private static Window afterRampUp(ProbeProcess probe, Settings settings, BenchFrames frames, Follower follower,
                                      Process node) throws Exception {
        long deadline = System.nanoTime() + (long) (settings.rtcNodeRampSeconds() * 1e9);
        while (System.nanoTime() < deadline && !fullSize(probe.decoded(), frames.width())) {
            LockSupport.parkNanos(RAMP_POLL_NANOS);
        }
        Window window = new Window(follower.latest() + settings.warmupFrames() + 1, settings.windowFrames(),
                node.pid(), probe.pid());
        follower.measure(window);
        Writer commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        commands.write("last " + window.last() + "\n");
        commands.flush();
        return window;
    }

    private static boolean fullSize(List<ProbeProcess.Decoded> decoded, int width) {
        return !decoded.isEmpty() && decoded.get(decoded.size() - 1).width() == width;
    }

    /** Reads the script's output into the window once there is one (CPU sampled as pushes are reported), and a log. */
    private static final class Follower {

        private final Process node;
        private final Path log;
        private final AtomicInteger latest = new AtomicInteger();
        private volatile Window window;

        Follower(Process node, Path log) {
            this.node = node;
            this.log = log;
        }

        int latest() {
            return latest.get();
        }

        void measure(Window measured) {
            window = measured;
        }

        boolean follow() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    copy.println(line);
                    if (line.startsWith("PUSH ")) {
                        String[] f = line.split(" ");
                        int n = Integer.parseInt(f[1]);
                        latest.set(n);
                        Window current = window;
                        if (current != null) {
                            current.pushed(n, Long.parseLong(f[2]));
                        }
                    } else if (line.equals("DONE")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Installs rtc-node with npm unless it is there already. */
    private static Path install(Path out) throws Exception {
        Path prefix = Path.of(System.getProperty("bench.rtcNode", "benchmarks/target/rtc-node")).toAbsolutePath();
        if (RtcNodePackage.installedIn(prefix)) {
            return prefix;
        }
        Path npmLog = out.resolve("npm-install.log");
        Process npm = RtcNodePackage.startInstall(prefix, npmLog);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install " + RtcNodePackage.SPEC + " failed; see " + npmLog);
        }
        return prefix;
    }
}
