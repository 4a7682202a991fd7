package dev.camelovershoot.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A main class run in a child JVM on this JVM's class path, for suites that run the emulator in a process of its
 * own (to kill it like a crashed host, or to measure it apart from the client). The child prints a line starting
 * {@code READY } on stdout once it is up; its stderr goes to a log file.
 */
public final class ChildJvm {

    /**
     * A child that is up.
     *
     * @param out   the rest of its stdout, after the ready line
     * @param ready the fields of its ready line, {@code READY} first
     */
    public record Started(Process process, BufferedReader out, List<String> ready) {
    }

    private ChildJvm() {
    }

    /**
     * Starts {@code main} with a serial collector and the given heap, and waits for its ready line.
     *
     * @throws IllegalStateException naming the log when the child ends or stays silent for {@code timeout} (it is
     *                               then killed)
     */
    public static Started start(Class<?> main, String maxHeap, Path log, Duration timeout, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready;
        try {
            ready = CompletableFuture.supplyAsync(() -> readUntilReady(out))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            ready = null;
        }
        if (ready == null) {
            process.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not start; see " + log);
        }
        return new Started(process, out, List.of(ready.split(" ")));
    }

    private static String readUntilReady(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
                // logging that reached stdout
            }
            return line;
        } catch (IOException e) {
            return null;
        }
    }
}
