package dev.camelovershoot.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One sample of this JVM (the route's) as the operating system and the JVM see it: resident memory and threads from
 * {@code /proc/self/status}, open file descriptors from {@code /proc/self/fd}, and the native memory the JVM
 * committed from {@code jcmd <pid> VM.native_memory summary} (the JVM runs with
 * {@code -XX:NativeMemoryTracking=summary}; without it the figure is -1).
 */
record ProcessSample(long nanos, long rssKb, long nmtCommittedKb, long threads, long fds) {

    static final List<String> METRICS = List.of("rss_kb", "nmt_committed_kb", "threads", "fds");

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    static ProcessSample take() {
        String status = read(Path.of("/proc/self/status"));
        return new ProcessSample(System.nanoTime(), field(status, "VmRSS:"), readNmtCommittedKb(), field(status, "Threads:"),
                openFds());
    }

    long metric(String name) {
        return switch (name) {
            case "rss_kb" -> rssKb;
            case "nmt_committed_kb" -> nmtCommittedKb;
            case "threads" -> threads;
            case "fds" -> fds;
            default -> throw new IllegalArgumentException(name);
        };
    }

    String csv(long startNanos) {
        return String.format("%.1f,%d,%d,%d,%d", (nanos - startNanos) / 1e9, rssKb, nmtCommittedKb, threads, fds);
    }

    private static long field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name))
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0])).findFirst().orElse(-1L);
    }

    private static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long readNmtCommittedKb() {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                    String.valueOf(ProcessHandle.current().pid()), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            Matcher m = NMT_TOTAL.matcher(text);
            return m.find() ? Long.parseLong(m.group(2)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
