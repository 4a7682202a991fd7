package dev.camelovershoot.testinfra.livekit;

import static org.awaitility.Awaitility.await;

import dev.camelovershoot.testinfra.NpmInstall;
import dev.camelovershoot.testinfra.inference.Palette;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code @livekit/rtc-node} (the official Node SDK, a real LiveKit client) publishing solid-colour video, run from
 * {@code src/test/resources/livekit/rtc-node-publisher.cjs}. The package is installed from npm into
 * {@code target/rtc-node} once; its output goes to {@code target/rtc-node/logs}.
 */
public final class RtcNodePublisher implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final Path log;

    private RtcNodePublisher(Process process, Path log) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.log = log;
    }

    /** Installs rtc-node unless already there; skips the calling test where npm cannot (see {@link NpmInstall}). */
    public static Path install() throws Exception {
        return NpmInstall.installOrSkip(targetDir().resolve("rtc-node"), "rtc-node cross-check", RtcNodePackage.PACKAGE);
    }

    /** Starts the client: it joins {@code url} with {@code token} and publishes red frames. */
    public static RtcNodePublisher start(String url, String token, String logName) throws Exception {
        Path prefix = install();
        Path script = Path.of(RtcNodePublisher.class.getResource("/livekit/rtc-node-publisher.cjs").toURI());
        Path log = Files.createDirectories(prefix.resolve("logs")).resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", script.toString(), url, token)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NODE_PATH", prefix.resolve("node_modules").toString());
        return new RtcNodePublisher(builder.start(), log);
    }

    public void colour(String name) throws IOException {
        int[] rgb = Palette.rgb(name);
        send("rgb " + rgb[0] + " " + rgb[1] + " " + rgb[2]);
    }

    /** Waits for the script (or rtc-node) to print a line containing {@code text}. */
    void awaitOutput(String text, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(log).contains(text));
    }

    List<String> output() throws IOException {
        return Files.readAllLines(log);
    }

    /** Leaves the room and waits for the process to end; kills it if it does not within 10 s. */
    @Override
    public void close() {
        try {
            send("exit");
            commands.close();
        } catch (IOException e) {
            // the process already ended
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    private static Path targetDir() throws URISyntaxException {
        // target/test-classes -> target
        return Path.of(RtcNodePublisher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
