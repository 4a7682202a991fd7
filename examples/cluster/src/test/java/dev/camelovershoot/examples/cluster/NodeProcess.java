package dev.camelovershoot.examples.cluster;

import dev.camelovershoot.testinfra.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private ChildJvm child;
    private final List<Result> results = new CopyOnWriteArrayList<>();
    private volatile boolean following;
    private volatile long ledSince;

    private NodeProcess() {
    }

    /** Starts node {@code id}; its environment is this JVM's with {@code environment} added. */
    static NodeProcess start(String id, Map<String, String> environment, Path log) throws IOException {
        NodeProcess node = new NodeProcess();
        node.child = ChildJvm.of(ClusterNode.class).name("node-" + id).maxHeap("384m").jvmOptions("-Dnode.id=" + id)
                .environment(environment).onLine(node::read).start(log);
        return node;
    }

    boolean isAlive() {
        return child.isAlive();
    }

    long pid() {
        return child.pid();
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
        child.kill();
    }

    /** SIGTERM (camel-main stops gracefully), then SIGKILL if it is still there after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (child.isAlive()) {
            child.terminate(Duration.ofSeconds(20));
        }
    }

    /** A line of the node's console, as it comes: its results, and where its cluster service stands. */
    private void read(String line) {
        long now = System.nanoTime();
        Matcher result = RESULT.matcher(line);
        if (result.find()) {
            results.add(new Result(result.group(1), now));
        } else if (line.contains("attempt initial cluster leadership acquisition")) {
            following = true;
        } else if (line.contains("FileLockClusterView - Lock on file ") && line.contains(" acquired ")) {
            ledSince = now;
        }
    }
}
