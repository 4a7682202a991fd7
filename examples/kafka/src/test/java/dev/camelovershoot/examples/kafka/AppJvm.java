package dev.camelovershoot.examples.kafka;

import dev.camelovershoot.testinfra.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of the scale-out example ({@link ScaleOutApp}) in a JVM of its own on this JVM's class path, configured
 * through its environment as a deployment would be. Its log goes to a file; the partitions Kafka assigned it are
 * read from that log as it runs.
 */
final class AppJvm implements AutoCloseable {

    /** Partitions Kafka assigned the node, and when ({@link System#nanoTime()}). */
    record Assignment(List<Integer> partitions, long nanos) {
    }

    private static final Pattern PARTITIONS = Pattern.compile("Partitions (assigned|revoked|lost): \\[([0-9, ]*)]");
    private static final Pattern CLOSED = Pattern.compile("closed the streams of cameras \\[([^]]*)]");

    private final String name;
    private ChildJvm child;
    private final List<Assignment> assignments = new CopyOnWriteArrayList<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Set<String> closedOnRevocation = ConcurrentHashMap.newKeySet();

    private AppJvm(String name) {
        this.name = name;
    }

    static AppJvm start(String name, Map<String, String> env, Path logDir) throws IOException {
        AppJvm app = new AppJvm(name);
        app.child = ChildJvm.of(ScaleOutApp.class).name(name).jvmOptions("-XX:TieredStopAtLevel=1").environment(env)
                .onLine(app::read).start(logDir.resolve(name + ".log"));
        return app;
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return child.isAlive();
    }

    List<Assignment> assignments() {
        return List.copyOf(assignments);
    }

    /** The cameras whose streams the node closed because their partitions were revoked or lost. */
    Set<String> closedOnRevocation() {
        return Set.copyOf(closedOnRevocation);
    }

    /** The partitions the node owns now, as far as its log has told. */
    Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    /** SIGKILL: no rebalance listener runs, no stream is closed, the group finds out when the session expires. */
    void kill() throws InterruptedException {
        child.kill();
    }

    /**
     * SIGTERM, as Kubernetes stops a pod: camel-main stops the routes gracefully, the Kafka consumer leaves the group
     * (its partitions are revoked, their cameras' streams closed); SIGKILL if it is still there after {@code grace}.
     *
     * @return whether it ended within {@code grace}
     */
    boolean terminate(Duration grace) throws InterruptedException {
        return child.terminate(grace);
    }

    /** Ends the node (SIGKILL: the run is over, nothing of its shutdown is measured). */
    @Override
    public void close() throws InterruptedException {
        child.close();
    }

    /** A line of the node's log, as it comes: the partitions it was assigned or lost, the streams it closed. */
    private void read(String line) {
        Matcher partitions = PARTITIONS.matcher(line);
        if (partitions.find()) {
            changed(partitions.group(1), parse(partitions.group(2)));
        }
        Matcher closed = CLOSED.matcher(line);
        if (closed.find() && !closed.group(1).isBlank()) {
            Arrays.stream(closed.group(1).split(",")).map(String::strip).forEach(closedOnRevocation::add);
        }
    }

    private void changed(String how, List<Integer> partitions) {
        if (how.equals("assigned")) {
            owned.addAll(partitions);
            assignments.add(new Assignment(partitions, System.nanoTime()));
        } else {
            owned.removeAll(partitions);
        }
    }

    private static List<Integer> parse(String numbers) {
        return numbers.isBlank() ? List.of()
                : Arrays.stream(numbers.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
