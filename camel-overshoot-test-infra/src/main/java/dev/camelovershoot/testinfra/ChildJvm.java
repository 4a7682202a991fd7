package dev.camelovershoot.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A main class run in a child JVM on this JVM's class path, for suites that run the emulator or an application in a
 * process of their own (to kill it like a crashed host, stop it like a deployment does, or measure it apart). Its
 * stdout and stderr, merged, are read to the end on a thread of their own: every line goes to the log file and to
 * the line listener. Always reading them matters: a child whose pipe is full blocks in its next log call. A child
 * that tells when it is up prints a line starting {@code READY } ({@link #awaitReady}).
 */
public final class ChildJvm implements AutoCloseable {

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<List<String>> ready = new CompletableFuture<>();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** A child JVM that will run {@code main}. */
    public static Builder of(Class<?> main) {
        return new Builder(main);
    }

    /**
     * The fields of the child's ready line, {@code READY} first, once it printed it.
     *
     * @throws IllegalStateException naming the log when the child ends or stays silent for {@code timeout} (it is
     *                               then killed)
     */
    public List<String> awaitReady(Duration timeout) throws InterruptedException {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill();
            throw new IllegalStateException(name + " did not start; see " + log, e);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The file the child's output goes to. */
    public Path log() {
        return log;
    }

    /** SIGKILL, a crashed host: no shutdown hook runs; returns once the process is gone (30 s at most). */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * SIGTERM, as a deployment stops a process (the JVM runs its shutdown hooks), then SIGKILL if it is still there
     * after {@code grace}. Sent through the process handle: {@link Process#destroy()} also closes this side of the
     * child's pipes, so everything the child logs while it shuts down would be lost (its writes fail).
     *
     * @return whether it ended within {@code grace}
     */
    public boolean terminate(Duration grace) throws InterruptedException {
        process.toHandle().destroy();
        return endWithin(grace);
    }

    /**
     * Closes the child's stdin, which a child that stops at the end of its input takes as the signal to stop, then
     * SIGKILL if it is still there after {@code grace}.
     *
     * @return whether it ended within {@code grace}
     */
    public boolean endInput(Duration grace) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // gone already
        }
        return endWithin(grace);
    }

    private boolean endWithin(Duration grace) throws InterruptedException {
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        kill();
        return false;
    }

    /** Kills the child if it still runs: the run is over, nothing of its shutdown is measured. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** On the reader thread: every line to the log and the listener; the first {@code READY } line completes it. */
    private void read(Consumer<String> listener) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.println(line);
                if (!ready.isDone() && line.startsWith("READY ")) {
                    ready.complete(List.of(line.split(" ")));
                }
                listener.accept(line);
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            ready.completeExceptionally(new IllegalStateException(name + " ended"));
        }
    }

    /** How to start a child JVM. */
    public static final class Builder {

        private final Class<?> main;
        private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        private final Map<String, String> environment = new HashMap<>();
        private String name;
        private String maxHeap = "256m";
        private List<String> args = List.of();
        private Consumer<String> listener = line -> { };

        private Builder(Class<?> main) {
            this.main = Objects.requireNonNull(main, "main");
            this.name = main.getSimpleName();
        }

        /** How its reader thread and errors name it; default the main class's simple name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** {@code -Xmx}; default 256m. */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap, "maxHeap");
            return this;
        }

        /** More JVM options ({@code -Dkey=value}, ...), after {@code -XX:+UseSerialGC}. */
        public Builder jvmOptions(String... options) {
            jvmOptions.addAll(List.of(options));
            return this;
        }

        /** Variables added to this JVM's environment for the child. */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** The arguments of its main method. */
        public Builder args(String... args) {
            this.args = List.of(args);
            return this;
        }

        /** Told every line the child prints (stdout and stderr), on the reader thread, as it comes. */
        public Builder onLine(Consumer<String> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Starts the child, its output going to {@code log}; returns at once (see {@link #awaitReady}). */
        public ChildJvm start(Path log) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            ChildJvm child = new ChildJvm(name, builder.start(), log);
            Consumer<String> lines = listener;
            Thread reader = new Thread(() -> child.read(lines), name + "-output");
            reader.setDaemon(true);
            reader.start();
            return child;
        }
    }
}
