package dev.camelovershoot.examples.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    private final Process process;
    private final List<Assignment> assignments = new CopyOnWriteArrayList<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Set<String> closedOnRevocation = ConcurrentHashMap.newKeySet();

    private AppJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static AppJvm start(String name, Map<String, String> env, Path logDir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ScaleOutApp.class.getName()).redirectErrorStream(true);
        builder.environment().putAll(env);
        AppJvm app = new AppJvm(name, builder.start());
        Path log = logDir.resolve(name + ".log");
        Thread reader = new Thread(() -> app.readLog(log), name + "-log");
        reader.setDaemon(true);
        reader.start();
        return app;
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
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
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Ends the node (SIGKILL: the run is over, nothing of its shutdown is measured). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void readLog(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher partitions = PARTITIONS.matcher(line);
                if (partitions.find()) {
                    changed(partitions.group(1), parse(partitions.group(2)));
                }
                Matcher closed = CLOSED.matcher(line);
                if (closed.find() && !closed.group(1).isBlank()) {
                    Arrays.stream(closed.group(1).split(",")).map(String::strip).forEach(closedOnRevocation::add);
                }
            }
        } catch (IOException e) {
            // the process is gone
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
