package dev.camelovershoot.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, resident memory and threads of a process from {@code /proc}: the same measure for our JVM, the emulator
 * JVM and the rtc-node process, whatever they run.
 */
final class ProcessStats {

    /** Linux reports utime and stime in clock ticks of 1/100 s on every common configuration (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessStats() {
    }

    /** User plus system CPU time of every thread of the process so far, in nanoseconds (10 ms resolution). */
    static long cpuNanos(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces: utime is field 14.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }

    /** Resident set size in bytes. */
    static long rssBytes(long pid) {
        return statusField(pid, "VmRSS:") * 1024;
    }

    /** Threads of the process, native ones included. */
    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    static long self() {
        return ProcessHandle.current().pid();
    }

    private static long statusField(long pid, String name) {
        return read(Path.of("/proc", String.valueOf(pid), "status")).lines().filter(l -> l.startsWith(name))
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0])).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " for process " + pid));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
