package dev.camelovershoot.examples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of the example, {@link ClusterNode} as shipped, in its own JVM on this JVM's class path, configured through
 * the environment variables and properties its README names. Its console goes to a log file; the results it logs
 * and whether its cluster service is running are read from it as they come. {@link #kill()} is SIGKILL, a crashed
 * host: no goodbye to the cluster, the RTSP camera or Overshoot.
 */
final class NodeProcess implements AutoCloseable {

    /** A result the node logged for a camera, and when this JVM read it ({@link System#nanoTime()}). */
    record Result(String camera, long nanos) {
    }

    private static final Pattern RESULT = Pattern.compile(" cameras - ([\\w-]+): ");

    private final Process process;
    private final List<Result> results = new CopyOnWriteArrayList<>();
    private volatile boolean following;
    private volatile long ledSince;

    private NodeProcess(Process process) {
        this.process = process;
    }

    /** Starts node {@code id}; its environment is this JVM's with {@code environment} added. */
    static NodeProcess start(String id, Map<String, String> environment, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Dnode.id=" + id,
                "-cp", System.getProperty("java.class.path"), ClusterNode.class.getName())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        NodeProcess node = new NodeProcess(builder.start());
        Thread reader = new Thread(() -> node.read(log), "node-" + id + "-console");
        reader.setDaemon(true);
        reader.start();
        return node;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Whether its cluster service has started watching a camera's lock. */
    boolean inCluster() {
        return following;
    }

    /** When this JVM read that the node took a camera's lock ({@link System#nanoTime()}), 0 before. */
    long ledSince() {
        return ledSince;
    }

    /** The results of {@code camera} it logged after {@code sinceNanos}. */
    List<Result> results(String camera, long sinceNanos) {
        return results.stream().filter(r -> r.camera().equals(camera) && r.nanos() > sinceNanos).toList();
    }

    /** SIGKILL; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (camel-main stops gracefully), then SIGKILL if it is still there after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void read(Path log) {
        try (BufferedReader console = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = console.readLine()) != null) {
                long now = System.nanoTime();
                out.println(line);
                Matcher result = RESULT.matcher(line);
                if (result.find()) {
                    results.add(new Result(result.group(1), now));
                } else if (line.contains("attempt initial cluster leadership acquisition")) {
                    following = true;
                } else if (line.contains("FileLockClusterView - Lock on file ") && line.contains(" acquired ")) {
                    ledSince = now;
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
